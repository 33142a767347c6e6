/**
 * The {@code solve} arguments of the command line as a service, so that every front end that
 * starts training (the {@code ./geopinn solve} command, the shell's {@code geopinn:solve}) reads
 * the same options the same way: {@link org.geopinn.cli.solve.SolvePlanner}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.cli.solve;
