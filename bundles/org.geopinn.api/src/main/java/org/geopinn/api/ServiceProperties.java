package org.geopinn.api;

/**
 * Names of the service properties that Geopinn services carry, so that tools can list and pick
 * services without instantiating them.
 */
public final class ServiceProperties {
    /** The short id of a service (problem, model, sampler, optimizer …), e.g. {@code laplace2d}, {@code adam}. */
    public static final String ID = "geopinn.id";
    /** A one-line human description of a service. */
    public static final String DESCRIPTION = "geopinn.description";

    private ServiceProperties() {
    }
}
