/**
 * Settings of components read through their typed {@code @ObjectClassDefinition} configs: the
 * metatype description bnd generates from the config annotation (attribute names, types,
 * {@code min}/{@code max}, {@code options}, defaults, descriptions) is the only definition of a
 * setting. {@link org.geopinn.settings.Settings#configure} turns per-run overrides (text from a
 * chain such as {@code anagram(cutoff=absolute;tolerance=1e-6)}) into an instance of the same
 * config type, checking every value once; {@link org.geopinn.settings.SettingsText} parses the
 * {@code id(key=value;…)} form.
 *
 * <p>Version 1.0.0 of this package replaces the settings reader that lived in the linear-algebra
 * bundle ({@code org.geopinn.linalg.settings}), whose range checks were written in each factory.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.settings;
