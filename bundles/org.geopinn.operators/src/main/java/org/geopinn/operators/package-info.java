/**
 * Residual systems built from a problem, a model and collocation points, usable with or without
 * an OSGi framework.
 *
 * <ul>
 * <li>{@link org.geopinn.operators.ExpressionProgram}: an operator expression compiled once into an
 * allocation-free pointwise program giving the residual and its partial derivatives in the field
 * derivatives (the pointwise linearisation of nonlinear operators).</li>
 * <li>{@link org.geopinn.operators.StackedResidualSystem}: the
 * {@link org.geopinn.api.operator.ResidualSystem} both operator engines return; rows stacked by
 * condition and scaled per {@link org.geopinn.api.operator.LossScaling}.</li>
 * <li>{@link org.geopinn.operators.FiniteDifferenceEvaluator}: a
 * {@link org.geopinn.api.model.ModelEvaluator} decorator that obtains input derivatives by central
 * finite differences, so the finite-difference engine reuses the same residual-system code.</li>
 * </ul>
 *
 * Plain Java use: {@code StackedResidualSystem.build(problem, model, points, LossScaling.MEAN,
 * EvaluatorFactory.EXACT)}, or {@link org.geopinn.operators.OperatorEngines#create(String)}. In a
 * framework, the {@code autodiff} and {@code finite-difference}
 * {@link org.geopinn.api.operator.OperatorEngine} services do the same. See docs/OPERATORS.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.operators;
