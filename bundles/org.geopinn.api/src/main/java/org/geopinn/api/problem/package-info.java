/**
 * PDE problems: input variables, output fields, a domain (a box or a geometry) with named parts, conditions
 * (part + operator + source + weight) and optional reference solutions. Problems are plugins:
 * register a {@link org.geopinn.api.problem.Problem} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("4.0.0")
package org.geopinn.api.problem;
