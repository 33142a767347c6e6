/**
 * The benchmark problems as classes: each {@code define(...)} builds the problem with the given
 * coefficients, the way its component does from its configuration. Exported for the reproductions
 * (bundle {@code org.geopinn.reproductions}), which study one problem over a range of a
 * coefficient (thermoelasticity over the coupling γ) and so need more than the configured service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.problems.library;
