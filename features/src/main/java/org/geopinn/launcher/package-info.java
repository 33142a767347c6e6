/**
 * The Geopinn launcher: reads the OSGi feature documents of an assembled host, starts an OSGi
 * framework (Felix by default, any framework found through {@link org.osgi.framework.launch.FrameworkFactory})
 * with exactly the bundles they name, and passes the launch properties of the launcher contract
 * ({@code geopinn.home}, {@code geopinn.mode}, {@code geopinn.args}). {@link org.geopinn.launcher.Main}
 * is the command-line entry; {@link org.geopinn.launcher.HostBuilder} embeds the same host in a test or
 * another program.
 */
package org.geopinn.launcher;
