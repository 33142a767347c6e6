package org.geopinn.engine;

import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.session.Command;
import org.geopinn.api.weighting.LossWeightingFactory;

/** The id and description a service gives of itself, for services registered without properties. */
final class ServiceNames {
    private ServiceNames() {
    }

    /** @param s a service @return its own id, or its class name if it has none */
    static String id(Object s) {
        if (s instanceof Problem p) {
            return p.id();
        } else if (s instanceof ModelFactory m) {
            return m.id();
        } else if (s instanceof OperatorEngine e) {
            return e.id();
        } else if (s instanceof Sampler x) {
            return x.id();
        } else if (s instanceof OptimizerFactory o) {
            return o.id();
        } else if (s instanceof LossWeightingFactory w) {
            return w.id();
        } else if (s instanceof Diagnostic d) {
            return d.id();
        } else if (s instanceof Command c) {
            return c.name();
        }
        return s.getClass().getName();
    }

    /** @param s a service @return its own one-line description, or "" */
    static String description(Object s) {
        if (s instanceof Problem p) {
            return p.description();
        } else if (s instanceof ModelFactory m) {
            return m.description();
        } else if (s instanceof OperatorEngine e) {
            return "operator engine " + e.id();
        } else if (s instanceof Sampler x) {
            return x.description();
        } else if (s instanceof OptimizerFactory o) {
            return o.description();
        } else if (s instanceof LossWeightingFactory w) {
            return w.description();
        } else if (s instanceof Diagnostic d) {
            return d.description();
        } else if (s instanceof Command c) {
            return c.summary();
        }
        return "";
    }
}
