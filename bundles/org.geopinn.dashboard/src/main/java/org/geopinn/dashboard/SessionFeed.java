package org.geopinn.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.session.TrainingEvent;

/**
 * One curve of one session: per accepted step the step, total loss and loss per condition (the
 * loss curve), or per step where it was measured the step and the relative L2 error (the error
 * curve). Bounded and evenly spread over the run: it keeps every
 * {@code stride}-th step event; past {@link #LIMIT} rows every other row is dropped, the stride
 * doubles and the generation goes up, so that a browser knows to reload the curve.
 */
final class SessionFeed {
    /**
     * Rows kept at most before thinning. A chart is at most about a thousand pixels wide, so more
     * rows add nothing to the picture; they only make every reload heavier for the page (20,000
     * rows were 1.3 MB of JSON per reload, which a browser on a busy machine could not keep up with).
     */
    static final int LIMIT = 2_000;

    private final boolean errors;
    private final List<double[]> rows = new ArrayList<>();
    private long generation;
    private long lastStep = -1;
    private long seen;
    private long stride = 1;
    private int version;

    /** @param errors whether this is the error curve (else the loss curve) */
    SessionFeed(boolean errors) {
        this.errors = errors;
    }

    /** @param e a step event; steps at or before the last one recorded are ignored, and for the error curve steps without a measured error */
    synchronized void add(TrainingEvent e) {
        if (e.kind() != TrainingEvent.Kind.STEP || e.step() <= lastStep || errors && Double.isNaN(e.relativeL2())) {
            return;
        }
        lastStep = e.step();
        if (seen++ % stride != 0) {
            return;
        }
        double[] row;
        if (errors) {
            row = new double[] {e.step(), e.relativeL2()};
        } else {
            double[] losses = e.groupLosses();
            row = new double[2 + losses.length];
            row[0] = e.step();
            row[1] = e.loss();
            System.arraycopy(losses, 0, row, 2, losses.length);
        }
        rows.add(row);
        if (rows.size() > LIMIT) {
            List<double[]> kept = new ArrayList<>(rows.size() / 2 + 1);
            for (int i = 0; i < rows.size(); i += 2) {
                kept.add(rows.get(i));
            }
            rows.clear();
            rows.addAll(kept);
            stride *= 2;
            generation++;
        }
        version++;
    }

    /** @return a counter that changes with every added row */
    synchronized int version() {
        return version;
    }

    /**
     * @param knownGeneration the generation the reader holds
     * @param from the number of rows the reader holds
     * @return the rows the reader lacks: all of them (with reset) when the generation changed
     */
    synchronized Slice since(long knownGeneration, int from) {
        boolean reset = knownGeneration != generation || from > rows.size();
        int start = reset ? 0 : from;
        return new Slice(generation, reset, start, List.copyOf(rows.subList(start, rows.size())));
    }

    /**
     * @param generation the feed's generation
     * @param reset whether the reader must drop what it holds
     * @param start the index of the first row
     * @param rows the rows
     */
    record Slice(long generation, boolean reset, int start, List<double[]> rows) {
        /** @return the number of rows the reader holds after this slice */
        int end() {
            return start + rows.size();
        }
    }
}
