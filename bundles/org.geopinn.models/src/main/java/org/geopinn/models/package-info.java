/**
 * The standard models of Geopinn and their parameter files. The model kinds are offered as
 * {@link org.geopinn.api.model.ModelFactory} services ({@code mlp}, {@code random-features},
 * {@code sinusoidal-mlp}); {@link org.geopinn.models.StandardModels} builds the same models
 * without a framework, and {@link org.geopinn.models.ParameterFile} saves and loads parameter
 * vectors together with their layout.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.models;
