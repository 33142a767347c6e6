/**
 * Models (neural networks and other parametric functions of the inputs), their flat
 * parameter layout and the evaluator contract: derivative jets in the inputs, reverse mode and
 * tangents in the parameters.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.geopinn.api.model;
