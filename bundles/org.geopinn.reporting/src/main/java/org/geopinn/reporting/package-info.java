/**
 * Result files in one style for every front end: PNG line charts and heat maps drawn with XChart
 * (headless), JSON text from maps and lists, legacy VTK structured grids.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.reporting;
