package org.geopinn.shell;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.SessionSpec;

/**
 * Turns the words of {@code geopinn:solve PROBLEM [--option value]…} into a {@link SessionSpec}.
 * The options are those of {@code ./geopinn solve} that make sense in a shell; the results of a
 * shell session are written with {@code geopinn:export}.
 */
final class SolveArguments {
    /** The options understood, for the usage line. */
    static final String USAGE = "geopinn:solve PROBLEM [--optimizer CHAIN] [--steps N] [--seed S] [--model ID]"
            + " [--hidden W,W] [--activation NAME] [--engine ID] [--sampler ID] [--weighting ID]"
            + " [--time-budget SECONDS] [--points CONDITION=N,…]";

    private SolveArguments() {
    }

    /**
     * @param words the command's arguments
     * @return the spec
     * @throws GeopinnException naming the bad word and the usage
     */
    static SessionSpec parse(List<String> words) {
        if (words.isEmpty() || words.get(0).startsWith("--")) {
            throw new GeopinnException("no problem given; usage: " + USAGE);
        }
        SessionSpec.Builder b = SessionSpec.builder(words.get(0));
        for (int i = 1; i < words.size(); i += 2) {
            String option = words.get(i);
            if (i + 1 >= words.size()) {
                throw new GeopinnException("option " + option + " needs a value; usage: " + USAGE);
            }
            String value = words.get(i + 1);
            switch (option) {
                case "--optimizer" -> b.optimizers(value);
                case "--steps" -> b.maxSteps(positiveLong(option, value));
                case "--seed" -> b.seed(number(option, value));
                case "--model" -> b.model(value);
                case "--hidden" -> b.hidden(widths(value));
                case "--activation" -> b.activation(value);
                case "--engine" -> b.engine(value);
                case "--sampler" -> b.sampler(value);
                case "--weighting" -> b.weighting(value);
                case "--time-budget" -> b.timeBudgetSeconds(seconds(value));
                case "--points" -> b.points(points(value));
                default -> throw new GeopinnException("unknown option '" + option + "'; usage: " + USAGE);
            }
        }
        return b.build();
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new GeopinnException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static long positiveLong(String option, String value) {
        long n = number(option, value);
        if (n <= 0) {
            throw new GeopinnException(option + " must be positive, not " + value);
        }
        return n;
    }

    private static double seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("--time-budget takes a positive number of seconds, not '" + value + "'");
    }

    private static int[] widths(String value) {
        try {
            int[] w = Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(w).allMatch(x -> x > 0)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("--hidden takes positive layer widths such as 32,32, not '" + value + "'");
    }

    private static Map<String, Integer> points(String value) {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            try {
                int n = Integer.parseInt(part.substring(eq + 1).trim());
                if (eq > 0 && n > 0) {
                    points.put(part.substring(0, eq).trim(), n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new GeopinnException("--points takes CONDITION=N pairs such as pde=400,boundary=80, not '" + part + "'");
        }
        return points;
    }
}
