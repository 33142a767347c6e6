package org.geopinn.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.models.ParameterFile;
import org.geopinn.models.TrainedCoefficientModel;

/** Loads the trained solution of a results directory without retraining: model from run.properties, parameters from parameters.txt. */
final class SavedSolution {
    private SavedSolution() {
    }

    /**
     * @param dir a results directory
     * @param factories finds a model factory by id
     * @param problems finds the run's problem with its settings (needed when the run has hard conditions)
     * @return the record and the solution
     * @throws GeopinnException if the directory is incomplete, its model kind is not installed, or it
     *         has hard conditions and its problem is not installed
     */
    static Loaded load(Path dir, Function<String, Optional<ModelFactory>> factories,
            Function<RunRecord, Optional<org.geopinn.api.problem.Problem>> problems) {
        ResultFolder.requireComplete(dir, "results directory");
        RunRecord rec = RunRecord.read(dir);
        ModelFactory f = factories.apply(rec.modelId()).orElseThrow(() -> new GeopinnException(
                "the model kind '" + rec.modelId() + "' of " + dir + " is not installed in this host"));
        Model model = withSavedCoefficients(hard(f.create(rec.spec()), rec, dir, problems), dir);
        double[] theta = ParameterFile.read(dir.resolve(ResultWriter.PARAMETERS), model.layout());
        return new Loaded(rec, TrainedSolution.of(rec.problem(), rec.variables(), model, theta));
    }

    /**
     * The run's network with its hard conditions (u = g + φ·N) when it had some: g and φ come from
     * the problem, so a saved, loaded or exported solution is the one that was trained.
     */
    private static Model hard(Model network, RunRecord rec, Path dir,
            Function<RunRecord, Optional<org.geopinn.api.problem.Problem>> problems) {
        if (rec.hard().isEmpty()) {
            return network;
        }
        org.geopinn.api.problem.Problem problem = problems.apply(rec).orElseThrow(() -> new GeopinnException("the solution in "
                + dir + " holds the hard conditions of problem '" + rec.problem() + "' (u = g + φ·N on fields " + rec.hard()
                + "), which is not installed in this host; install it (--plugin FOLDER) to load the solution"));
        java.util.List<String> fields = problem.hardConstraints().stream().map(org.geopinn.api.problem.HardConstraint::fieldName).toList();
        if (!fields.equals(rec.hard())) {
            throw new GeopinnException("the solution in " + dir + " was trained with hard conditions on fields " + rec.hard()
                    + " but problem '" + rec.problem() + "' here has them on " + fields + "; it has changed since");
        }
        return org.geopinn.models.HardConstraintModel.wrap(network, problem.hardConstraints());
    }

    /**
     * The network extended by the coefficients a run trained (blocks {@code coefficient.NAME} of its
     * parameter file), so its parameters read back with their layout.
     *
     * @param network the run's network
     * @param dir its results directory
     * @return the model whose layout is the saved one's
     */
    static Model withSavedCoefficients(Model network, Path dir) {
        ParameterFile.Contents saved = ParameterFile.read(dir.resolve(ResultWriter.PARAMETERS));
        java.util.SortedMap<String, Double> coefficients = new java.util.TreeMap<>();
        for (org.geopinn.api.model.ParameterBlock b : saved.layout().blocks()) {
            if (b.name().startsWith(CoefficientModel.BLOCK_PREFIX) && b.offset() >= network.parameterCount()) {
                coefficients.put(b.name().substring(CoefficientModel.BLOCK_PREFIX.length()), saved.values()[b.offset()]);
            }
        }
        return TrainedCoefficientModel.extend(network, coefficients);
    }

    /**
     * @param record the run's settings
     * @param solution its trained solution
     */
    record Loaded(RunRecord record, TrainedSolution solution) {
    }
}
