package org.geopinn.api.solution;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;

/** A trained solution backed by a model and a fixed parameter vector (see {@link TrainedSolution#of}). */
final class ModelSolution implements TrainedSolution {
    /** Points per forward pass: bounds the evaluator workspace whatever the caller's batch. */
    private static final int CHUNK = 4096;

    private final String problemId;
    private final List<String> variables;
    private final Model model;
    private final double[] parameters;

    ModelSolution(String problemId, List<String> variables, Model model, double[] parameters) {
        if (parameters.length != model.parameterCount()) {
            throw new GeopinnException("the model has " + model.parameterCount() + " parameters, got " + parameters.length);
        }
        this.problemId = problemId;
        this.variables = List.copyOf(variables);
        this.model = model;
        this.parameters = parameters.clone();
    }

    @Override
    public String problemId() {
        return problemId;
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public List<String> fields() {
        return model.spec().fields();
    }

    @Override
    public void evaluate(double[] points, int n, DerivativeRequest request, double[] out) {
        int d = variables.size();
        int fields = fields().size();
        int k = request.size();
        ModelEvaluator evaluator = model.evaluator(request, Math.min(Math.max(n, 1), CHUNK));
        double[] chunk = new double[Math.min(n, CHUNK) * d];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            System.arraycopy(points, start * d, chunk, 0, m * d);
            evaluator.forward(parameters, chunk, m);
            double[] v = evaluator.values();
            for (int fk = 0; fk < fields * k; fk++) {
                System.arraycopy(v, fk * m, out, fk * n + start, m);
            }
        }
    }
}
