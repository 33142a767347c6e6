package org.geopinn.optimizer.lbfgs;

/**
 * The settings of one L-BFGS instance (see {@link LbfgsConfig} for their exact meaning).
 *
 * @param lr first trial step
 * @param historySize pairs kept
 * @param iterationsPerStep iterations per step()
 * @param maxIterations total iterations, 0 = no limit
 * @param maxEvaluations total evaluations, 0 = no limit
 * @param maxLineSearchEvaluations evaluations per line search
 * @param gradientTolerance max-norm gradient tolerance
 * @param changeTolerance relative loss-change tolerance
 * @param c1 Armijo constant
 * @param c2 curvature constant
 */
record LbfgsLimits(double lr, int historySize, int iterationsPerStep, int maxIterations, int maxEvaluations,
        int maxLineSearchEvaluations, double gradientTolerance, double changeTolerance, double c1, double c2) {
}
