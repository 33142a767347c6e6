package org.geopinn.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.models.ParameterFile;

/** Loads the trained solution of a results directory without retraining: model from run.properties, parameters from parameters.txt. */
final class SavedSolution {
    private SavedSolution() {
    }

    /**
     * @param dir a results directory
     * @param factories finds a model factory by id
     * @return the record and the solution
     * @throws GeopinnException if the directory is incomplete or its model kind is not installed
     */
    static Loaded load(Path dir, Function<String, Optional<ModelFactory>> factories) {
        ResultFolder.requireComplete(dir, "results directory");
        RunRecord rec = RunRecord.read(dir);
        ModelFactory f = factories.apply(rec.modelId()).orElseThrow(() -> new GeopinnException(
                "the model kind '" + rec.modelId() + "' of " + dir + " is not installed in this host"));
        Model model = f.create(rec.spec());
        double[] theta = ParameterFile.read(dir.resolve(ResultWriter.PARAMETERS), model.layout());
        return new Loaded(rec, TrainedSolution.of(rec.problem(), rec.variables(), model, theta));
    }

    /**
     * @param record the run's settings
     * @param solution its trained solution
     */
    record Loaded(RunRecord record, TrainedSolution solution) {
    }
}
