package org.geopinn.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.models.ParameterFile;

/**
 * The finished run a new one starts from ({@code solve --start-from DIR}): its network's parameters
 * become the new run's initial network, the coefficients it trained give their values to the
 * coefficients the new run trains or holds fixed ({@code --known NAME}), and the optimizer starts
 * afresh (the new run's objective is another one). So the field of an inverse problem at its
 * estimated coefficient is the run that starts from the inverse run with the coefficient known and
 * the observations left out.
 */
final class StartFrom {
    private final Path folder;
    private final RunRecord record;
    private final double[] network;
    private final Map<String, Double> coefficients;

    private StartFrom(Path folder, RunRecord record, double[] network, Map<String, Double> coefficients) {
        this.folder = folder;
        this.record = record;
        this.network = network;
        this.coefficients = coefficients;
    }

    /**
     * @param folder a results directory (complete)
     * @return what it holds to start from
     * @throws GeopinnException when it is not a complete run, or its parameter file is damaged
     */
    static StartFrom read(Path folder) {
        ResultFolder.requireComplete(folder, "--start-from");
        RunRecord record = RunRecord.read(folder);
        ParameterFile.Contents saved = ParameterFile.read(folder.resolve(ResultWriter.PARAMETERS));
        double[] values = saved.values();
        Map<String, Double> coefficients = new LinkedHashMap<>();
        int networkEnd = values.length;
        for (ParameterBlock b : saved.layout().blocks()) {
            if (b.name().startsWith(CoefficientModel.BLOCK_PREFIX)) {
                coefficients.put(b.name().substring(CoefficientModel.BLOCK_PREFIX.length()), values[b.offset()]);
                networkEnd = Math.min(networkEnd, b.offset());
            }
        }
        if (networkEnd != values.length - coefficients.size()) {
            throw new GeopinnException(folder.resolve(ResultWriter.PARAMETERS) + " holds coefficients before the end of the network's"
                    + " parameters; it was not written by a Geopinn run");
        }
        return new StartFrom(folder, record, Arrays.copyOf(values, networkEnd), coefficients);
    }

    /** @return the run's record, whose network settings the new run takes */
    RunRecord record() {
        return record;
    }

    /**
     * @param name a coefficient
     * @return its value at the end of the run
     * @throws GeopinnException when the run did not train it
     */
    double coefficient(String name) {
        Double v = coefficients.get(name);
        if (v == null) {
            throw new GeopinnException("--known " + name + ": the run in " + folder + " did not train '" + name + "'"
                    + (coefficients.isEmpty() ? " (it trained no coefficient)" : " (it trained " + coefficients.keySet() + ")")
                    + "; give the value, --known " + name + "=VALUE");
        }
        return v;
    }

    /**
     * @param trained the coefficients the new run trains, name → initial value, in θ order (by name)
     * @return the new run's initial parameters: the network, then each trained coefficient at the value
     *         the run ended with where it trained it, else at its initial value
     */
    double[] parameters(SortedMap<String, Double> trained) {
        double[] theta = Arrays.copyOf(network, network.length + trained.size());
        int k = network.length;
        for (Map.Entry<String, Double> e : trained.entrySet()) {
            theta[k++] = coefficients.getOrDefault(e.getKey(), e.getValue());
        }
        return theta;
    }

    /**
     * @param widths the widths the command line gives, or null
     * @param options the other network options the command line gives (option → value)
     * @throws GeopinnException when one differs from the run's: its parameters would not fit
     */
    void requireSameNetwork(int[] widths, Map<String, String> options) {
        if (widths != null && !Arrays.equals(widths, record.spec().hidden())) {
            throw differs("hidden", SolveOptions.join(record.spec().hidden()), SolveOptions.join(widths));
        }
        Map<String, String> recorded = Map.of("model", record.modelId(), "activation", record.spec().activation(),
                "initialization", record.spec().initialization(), "separate-networks", Boolean.toString(record.spec().separateNetworks()));
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getValue() != null && !e.getValue().equals(recorded.get(e.getKey()))) {
                throw differs(e.getKey(), recorded.get(e.getKey()), e.getValue());
            }
        }
    }

    private GeopinnException differs(String option, String recorded, String given) {
        return new GeopinnException("--start-from: the run in " + folder + " has --" + option + " " + recorded + ", not " + given
                + "; a start takes the run's network as it is");
    }
}
