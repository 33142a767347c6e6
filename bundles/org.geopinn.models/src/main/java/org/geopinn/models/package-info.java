/**
 * The standard models of Geopinn and their parameter files. The model kinds are offered as
 * {@link org.geopinn.api.model.ModelFactory} services; {@link org.geopinn.models.StandardModels}
 * builds the same models without a framework, and {@link org.geopinn.models.ParameterFile} saves
 * and loads parameter vectors together with their layout (the CLI's resume).
 * {@link org.geopinn.models.HardConstraintModel} wraps any model so that a problem's hard
 * constraints ({@link org.geopinn.api.problem.HardConstraint}, u = g + φ·N) hold exactly, and
 * {@link org.geopinn.models.TrainedCoefficientModel} extends a network's parameter vector by an
 * inverse problem's trained coefficients (the API's {@link org.geopinn.api.problem.CoefficientModel});
 * the engine wraps every session's network with both. A wrapper of a model extends
 * {@link org.geopinn.models.ForwardingModel} (and its evaluator {@link org.geopinn.models.ForwardingEvaluator})
 * and overrides only what it changes.
 *
 * <table>
 * <caption>Model kinds and their settings</caption>
 * <tr><th>id</th><th>what</th><th>options ({@code ModelSpec.options})</th></tr>
 * <tr><td>{@code mlp}</td><td>hidden layers with the activation (default tanh), linear output
 * layer</td><td>{@code output-factor=box-zero}, {@code output-factor-inputs=0,1}, {@code output-shift}, {@code output-scale}</td></tr>
 * <tr><td>{@code sinusoidal-mlp}</td><td>features sin(ω_k x_j)/ω_k^s, cos(ω_k x_j)/ω_k^s,
 * ω_k = (π/2)·2^k, then an MLP (default swish)</td><td>{@code frequencies} (4),
 * {@code smoothness} s (1), output factor and map options</td></tr>
 * <tr><td>{@code random-features}</td><td>u = Σ_j a_j σ(w_j·x + b_j), w, b ~ U[−R, R] fixed,
 * only a trained (default sin)</td><td>{@code features} (the single hidden width, else 100),
 * {@code feature-seed} (0), {@code feature-range} R (1), output factor and map options</td></tr>
 * </table>
 *
 * <p>Common to all: activations tanh, sin, cos, swish (silu), softplus, identity; initialisation
 * {@code xavier} (Glorot normal, biases 0), {@code xavier-uniform}, or {@code normal}
 * (N(0, 0.1²) for weights and biases, as the ANaGRAM/ENGD reference code); one network for all
 * fields or one per field ({@code separateNetworks}: blocks of network q carry
 * {@code ParameterBlock.network = q} and are contiguous); optional input normalisation of the
 * spec's box to [−1, 1]. {@code output-factor=box-zero} multiplies each output by
 * Π_j (x_j − a_j)(b_j − x_j)/((b_j − a_j)/2)² over the chosen inputs (default all), which
 * vanishes on the box's faces: zero Dirichlet data hold exactly. {@code output-shift} and
 * {@code output-scale} (one number per field, defaults 0 and 1) map the outputs to the fields,
 * u_f = shift_f + scale_f·N_f, after the factor: the outputs' counterpart of the input
 * normalisation, for fields whose values are far from order one. Block names:
 * {@code net<q>.layer<l>.weight} (rows = outputs, cols = inputs, row-major),
 * {@code net<q>.layer<l>.bias}, {@code net<q>.coefficients} (random features). Unknown names or
 * options are rejected with a one-line {@link org.geopinn.api.GeopinnException}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.geopinn.models;
