/**
 * Loss-weighting policies as services ({@code fixed}, {@code gradnorm}, {@code annealing}, {@code causal}); an
 * implementation package, kept private.
 */
package org.geopinn.weighting;
