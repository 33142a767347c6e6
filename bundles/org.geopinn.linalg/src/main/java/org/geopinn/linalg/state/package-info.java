/**
 * An optimizer's state in a file ({@link org.geopinn.linalg.state.OptimizerStateFile}), for the
 * command line's {@code --resume} and the optimizers' resume contract.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.linalg.state;
