package org.geopinn.api.diagnostic;

import java.util.Map;
import org.geopinn.api.Identified;
import org.geopinn.api.operator.LeastSquaresSystem;

/**
 * A measurement of a residual system at given parameters (kernel spectra, condition numbers,
 * truncated entropies …). Registered with the {@code geopinn.id} property; sessions run attached
 * diagnostics every k steps and publish the reports with their events.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Diagnostic extends Identified {
    /** @return the diagnostic id, e.g. {@code ntk-spectrum} */
    String id();

    /** @return a one-line description */
    String description();

    /**
     * @param system the residual system, read only (a diagnostic measures; it moves no points and sets no weights)
     * @param theta the parameters (not modified)
     * @param options diagnostic-specific options (documented by each diagnostic)
     * @return the report
     */
    DiagnosticReport run(LeastSquaresSystem system, double[] theta, Map<String, ?> options);
}
