package org.geopinn.bench.optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.optimizer.adam.AdamFactory;
import org.geopinn.optimizer.anagram.AnagramFactory;
import org.geopinn.optimizer.engd.EngdFactory;
import org.geopinn.optimizer.gnpcg.GaussNewtonPcgFactory;
import org.geopinn.optimizer.lbfgs.LbfgsFactory;
import org.geopinn.optimizer.soap.SoapFactory;

/**
 * Time-to-accuracy race (a benchmark, not a test): trains one problem with one optimizer for
 * several seeds under a wall-clock budget and reports, per seed, the training time at which the
 * relative L2 error first reached 1e-5, 1e-6 and 1e-8 (error evaluations are not timed).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.geopinn.bench.optimizers.OptimizerRace \
 *     --problem laplace --optimizer anagram --seeds 0,1,2,3,4 --budget 60 [--hidden 32]
 *     [--scaling sum|mean|measure] [--every 1] [--init normal|xavier] [--verbose N] [--set key=value ...]
 * </pre>
 */
public final class OptimizerRace {
    private OptimizerRace() {
    }

    static OptimizerFactory factory(String id) {
        return switch (id) {
            case "anagram" -> new AnagramFactory();
            case "engd" -> new EngdFactory();
            case "adam" -> new AdamFactory();
            case "lbfgs" -> new LbfgsFactory();
            case "soap" -> new SoapFactory();
            case "gn-pcg" -> new GaussNewtonPcgFactory();
            default -> throw new IllegalArgumentException("unknown optimizer " + id);
        };
    }

    /** @param args see the class comment */
    public static void main(String[] args) {
        String problem = "laplace";
        String optimizer = "anagram";
        String seeds = "0,1,2,3,4";
        double budget = 60;
        int hidden = 32;
        int every = 1;
        int verbose = 0;
        String scaling = null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--problem" -> problem = value;
                case "--optimizer" -> optimizer = value;
                case "--seeds" -> seeds = value;
                case "--budget" -> budget = Double.parseDouble(value);
                case "--hidden" -> hidden = Integer.parseInt(value);
                case "--every" -> every = Integer.parseInt(value);
                case "--verbose" -> verbose = Integer.parseInt(value);
                case "--init" -> PinnCase.initialization = value;
                case "--scaling" -> scaling = value;
                case "--set" -> settings.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LossScaling loss = LossScaling.valueOf((scaling != null ? scaling
                : switch (optimizer) {
                    case "anagram" -> "sum";
                    case "engd" -> "measure";
                    default -> "mean";
                }).toUpperCase(Locale.ROOT));
        System.out.printf(Locale.ROOT, "# %s, %s %s, hidden %d, init %s, scaling %s, budget %.0f s, %d cores%n", problem, optimizer,
                settings, hidden, PinnCase.initialization, loss, budget, Runtime.getRuntime().availableProcessors());
        System.out.println("optimizer,seed,steps,seconds,loss,rel_l2,t_1e-5,t_1e-6,t_1e-8");
        List<double[]> rows = new ArrayList<>();
        for (String s : seeds.split(",")) {
            long seed = Long.parseLong(s.trim());
            PinnCase c = problem.equals("heat") ? PinnCase.heat(new int[] {hidden}, seed, loss)
                    : PinnCase.laplace(new int[] {hidden}, seed, loss);
            rows.add(run(c, factory(optimizer).create(settings), budget, every, verbose, optimizer, seed));
        }
        summary(rows);
    }

    private static double[] run(PinnCase c, Optimizer o, double budget, int every, int verbose, String id, long seed) {
        double[] theta = c.theta0.clone();
        double[] reached = {Double.NaN, Double.NaN, Double.NaN};
        double[] targets = {1e-5, 1e-6, 1e-8};
        double trained = 0;
        long steps = 0;
        double error = c.relativeL2(theta);
        double loss = Double.NaN;
        while (trained < budget && Double.isNaN(reached[2])) {
            long t0 = System.nanoTime();
            StepResult r = o.step(c.system, theta);
            trained += (System.nanoTime() - t0) * 1e-9;
            steps++;
            loss = r.lossAfter();
            if (steps % every == 0 || r.converged()) {
                error = c.relativeL2(theta);
                for (int k = 0; k < 3; k++) {
                    if (Double.isNaN(reached[k]) && error <= targets[k]) {
                        reached[k] = trained;
                    }
                }
            }
            if (verbose > 0 && steps % verbose == 0) {
                System.out.printf(Locale.ROOT, "#   step %d %.2fs loss %.3e err %.3e %s%n", steps, trained, loss, c.relativeL2(theta), r.detail());
            }
            if (r.converged()) {
                break;
            }
        }
        error = c.relativeL2(theta);
        System.out.printf(Locale.ROOT, "%s,%d,%d,%.2f,%.3e,%.3e,%s,%s,%s%n", id, seed, steps, trained, loss, error,
                fmt(reached[0]), fmt(reached[1]), fmt(reached[2]));
        System.out.flush();
        return new double[] {error, reached[0], reached[1], reached[2]};
    }

    private static String fmt(double t) {
        return Double.isNaN(t) ? "-" : String.format(Locale.ROOT, "%.2f", t);
    }

    private static void summary(List<double[]> rows) {
        String[] names = {"1e-5", "1e-6", "1e-8"};
        for (int k = 0; k < 3; k++) {
            List<Double> times = new ArrayList<>();
            for (double[] r : rows) {
                if (!Double.isNaN(r[k + 1])) {
                    times.add(r[k + 1]);
                }
            }
            times.sort(Double::compare);
            String median = times.isEmpty() ? "-" : fmt(times.size() % 2 == 1 ? times.get(times.size() / 2)
                    : 0.5 * (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)));
            System.out.printf(Locale.ROOT, "# reached %s: %d of %d seeds, median time over those %s s%n", names[k], times.size(), rows.size(), median);
        }
        double best = rows.stream().mapToDouble(r -> r[0]).min().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "# best final rel_l2 %.2e%n", best);
    }
}
