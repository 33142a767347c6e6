package org.geopinn.linalg.search;

/**
 * The outcome of a strong-Wolfe line search.
 *
 * @param step the accepted step t (0 if no point decreased the loss sufficiently)
 * @param value φ(step)
 * @param slope φ'(step)
 * @param evaluations the number of evaluations of φ
 * @param wolfe whether both strong-Wolfe conditions hold at step (false: the best point found
 *        within the evaluation budget or the interval tolerance, satisfying only sufficient decrease)
 */
public record WolfeResult(double step, double value, double slope, int evaluations, boolean wolfe) {
    /** @return whether the step moved (sufficient decrease was found) */
    public boolean moved() {
        return step > 0;
    }
}
