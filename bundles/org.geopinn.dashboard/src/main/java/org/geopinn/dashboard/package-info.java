/**
 * A browser dashboard for training sessions, on the OSGi HTTP Whiteboard; built only on the
 * public session contracts ({@code org.geopinn.api.session}). Nothing here is exported.
 */
package org.geopinn.dashboard;
