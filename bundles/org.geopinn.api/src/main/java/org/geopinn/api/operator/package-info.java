/**
 * The residual-system contract that every optimizer works against, and the operator
 * engines that build it from a problem, a model and collocation points.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.geopinn.api.operator;
