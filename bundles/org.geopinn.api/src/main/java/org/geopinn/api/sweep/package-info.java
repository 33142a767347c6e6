/**
 * Sweeps: many training runs described as plain values, so that a run can be performed on this
 * host or on another member of a cluster, and its results files brought back to the machine that
 * gathers them. The command line performs runs ({@link RunPerformer}); a cluster bundle, when
 * one is configured, offers a {@link RunExecutor} that spreads them over its members.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.api.sweep;
