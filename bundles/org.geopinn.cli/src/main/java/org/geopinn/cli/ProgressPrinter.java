package org.geopinn.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;

/**
 * Shows a session's progress: on a terminal a live single line rewritten in place (step, loss per
 * condition, error where measured, step time, ETA); otherwise one plain line every few seconds.
 * Pauses, swaps and the end are printed on their own lines.
 */
final class ProgressPrinter implements TrainingListener {
    /** Seconds between two plain lines when the output is not a terminal. */
    static final double PLAIN_PERIOD = 5.0;
    /** Seconds between two redraws of the live line. */
    static final double LIVE_PERIOD = 0.1;
    /** Cells of the live bar. */
    static final int BAR = 20;

    private final PrintStream out;
    private final boolean live;
    private final List<String> conditions;
    private final long firstStep;
    private final long maxSteps;
    private final double budget;
    private final double secondsOffset;
    private List<String> coefficientNames = List.of();
    private long lastPrint = Long.MIN_VALUE;
    private double lastError = Double.NaN;
    private int lineLength;

    /**
     * @param out where to print
     * @param live whether the output is a terminal
     * @param conditions the condition names
     * @param firstStep the step the session starts from
     * @param maxSteps the total step count
     * @param budget the time budget in seconds (0: none)
     * @param secondsOffset seconds of earlier runs (resume)
     */
    ProgressPrinter(PrintStream out, boolean live, List<String> conditions, long firstStep, long maxSteps, double budget,
            double secondsOffset) {
        this.out = out;
        this.live = live;
        this.conditions = conditions;
        this.firstStep = firstStep;
        this.maxSteps = maxSteps;
        this.budget = budget;
        this.secondsOffset = secondsOffset;
    }

    /**
     * @param names the trained coefficients, shown on the line after the error ({@code nu 0.010003})
     * @return this
     */
    ProgressPrinter coefficients(List<String> names) {
        this.coefficientNames = List.copyOf(names);
        return this;
    }

    @Override
    public synchronized void onEvent(TrainingEvent e) {
        switch (e.kind()) {
            case STEP -> step(e);
            case SWAPPED, PAUSED, RESUMED, WINDOW, POINTS -> note(e.message());
            case ENDED -> {
                if (live && lineLength > 0) {
                    out.print("\r" + line(e) + pad(line(e)) + "\n");
                    lineLength = 0;
                } else {
                    out.println(line(e));
                }
                out.flush();
            }
            default -> {
            }
        }
    }

    private void step(TrainingEvent e) {
        if (!Double.isNaN(e.relativeL2())) {
            lastError = e.relativeL2();
        }
        long now = System.nanoTime();
        double period = live ? LIVE_PERIOD : PLAIN_PERIOD;
        if (lastPrint != Long.MIN_VALUE && (now - lastPrint) * 1e-9 < period) {
            return;
        }
        lastPrint = now;
        String text = line(e);
        if (live) {
            out.print("\r" + text + pad(text));
            lineLength = text.length();
        } else {
            out.println(text);
        }
        out.flush();
    }

    private void note(String message) {
        if (live && lineLength > 0) {
            out.print("\r" + pad(""));
            out.print("\r");
            lineLength = 0;
        }
        out.println("  " + message);
        out.flush();
    }

    private String pad(String text) {
        return " ".repeat(Math.max(0, lineLength - text.length()));
    }

    /** @return the progress text of an event */
    String line(TrainingEvent e) {
        StringBuilder b = new StringBuilder();
        if (live) {
            b.append(bar(done(e))).append(' ');
        }
        b.append(String.format(Locale.ROOT, "step %d/%d", e.step(), maxSteps));
        if (e.window() > 0) {
            b.append("  window ").append(e.window());
        }
        b.append(String.format(Locale.ROOT, "  loss %.3e", e.loss()));
        if (e.groupLosses().length == conditions.size() && conditions.size() > 1) {
            b.append(" (");
            for (int c = 0; c < conditions.size(); c++) {
                b.append(c > 0 ? ", " : "").append(conditions.get(c)).append(String.format(Locale.ROOT, " %.2e", e.groupLosses()[c]));
            }
            b.append(')');
        }
        double err = Double.isNaN(e.relativeL2()) ? lastError : e.relativeL2();
        if (!Double.isNaN(err)) {
            b.append(String.format(Locale.ROOT, "  rel_l2 %.3e", err));
        }
        for (int c = 0; c < coefficientNames.size() && c < e.coefficients().length; c++) {
            b.append("  ").append(coefficientNames.get(c)).append(String.format(Locale.ROOT, " %.6g", e.coefficients()[c]));
        }
        long done = e.step() - firstStep;
        if (done > 0 && e.seconds() > 0) {
            double perStep = e.seconds() / done;
            b.append(String.format(Locale.ROOT, "  %s/step", duration(perStep)));
            double left = (maxSteps - e.step()) * perStep;
            if (budget > 0) {
                left = Math.min(left, Math.max(0, budget - e.seconds()));
            }
            if (e.kind() != TrainingEvent.Kind.ENDED) {
                b.append("  ETA ").append(clock(left));
            }
        }
        b.append(String.format(Locale.ROOT, "  [%s]", clock(e.seconds() + secondsOffset)));
        if (e.kind() == TrainingEvent.Kind.STEP && e.message() != null && !e.message().isBlank()) {
            b.append("  ").append(e.message()); // the optimizer's note on its step, e.g. lm's damping and gain ratio
        }
        return b.toString();
    }

    /** @return the fraction done: by steps, or by the time budget when that ends first */
    private double done(TrainingEvent e) {
        double bySteps = maxSteps > firstStep ? (double) (e.step() - firstStep) / (maxSteps - firstStep) : 1;
        double byTime = budget > 0 ? e.seconds() / budget : 0;
        return Math.min(1, Math.max(bySteps, byTime));
    }

    /** @param fraction done, in [0, 1] @return a bar of {@value #BAR} cells and the percentage */
    static String bar(double fraction) {
        int full = (int) Math.round(fraction * BAR);
        return "[" + "█".repeat(full) + "░".repeat(BAR - full) + "] " + String.format(Locale.ROOT, "%3.0f%%", 100 * fraction);
    }

    private static String duration(double seconds) {
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
