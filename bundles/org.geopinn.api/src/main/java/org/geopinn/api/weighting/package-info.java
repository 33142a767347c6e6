/**
 * Loss weighting: how much each condition's residual counts in the loss.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.geopinn.api.weighting;
