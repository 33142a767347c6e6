package org.geopinn.api.diagnostic;

import java.util.List;
import java.util.Map;

/**
 * What a diagnostic measured: named scalars and named tables (written as CSV, drawn as plots).
 *
 * @param diagnosticId the id of the diagnostic that made it
 * @param title a one-line title
 * @param scalars named numbers (e.g. "lambda_max", "condition", "entropy")
 * @param tables named tables (e.g. "spectrum")
 */
public record DiagnosticReport(String diagnosticId, String title, Map<String, Double> scalars, Map<String, Table> tables) {
    /** Copies the maps. */
    public DiagnosticReport {
        scalars = Map.copyOf(scalars);
        tables = Map.copyOf(tables);
    }

    /**
     * A table of numbers.
     *
     * @param columns column names
     * @param rows the rows, each with one value per column
     */
    public record Table(List<String> columns, List<double[]> rows) {
        /** Copies the lists. */
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }
}
