package org.geopinn.linalg.search;

/**
 * The outcome of a grid line search.
 *
 * @param eta the step of smallest finite value, NaN if no value was finite
 * @param exponent k with eta = 2⁻ᵏ, -1 if none
 * @param value φ(eta), +∞ if none
 * @param evaluations the number of evaluations of φ
 */
public record GridSearchResult(double eta, int exponent, double value, int evaluations) {
    /** @return whether some step had a finite value */
    public boolean found() {
        return exponent >= 0;
    }
}
