package org.geopinn.models.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.autodiff.DenseLayer;
import org.geopinn.models.ModelJetsTest;
import org.geopinn.models.StandardModels;
import org.junit.jupiter.api.Test;

/** Jets of the random feature model and of the sinusoidal embedding against DerivativeStructure. */
class FeatureModelJetsTest {
    @Test
    void randomFeatureJetsAndFixedInnerWeights() {
        ModelSpec spec = ModelJetsTest.spec(2, List.of("u", "v"), new int[0], "sin", false, true,
                Map.of("features", "7", "feature-seed", "5"));
        NetworkModel model = (NetworkModel) StandardModels.create("random-features", spec);
        assertEquals(1, model.layout().blocks().size());
        ParameterBlock block = model.layout().blocks().get(0);
        assertEquals(ParameterBlock.Kind.OTHER, block.kind());
        assertEquals(2, block.rows());
        assertEquals(7, block.cols());
        DenseLayer inner = model.networks().get(0).layers().get(0);
        for (double w : inner.fixedWeights()) {
            assertFalse(Math.abs(w) > 1.0, "inner weights in [-1, 1]");
        }
        NetworkModel again = (NetworkModel) StandardModels.create("random-features", spec);
        assertArrayEquals(inner.fixedWeights(), again.networks().get(0).layers().get(0).fixedWeights());
        double[] theta = model.initialParameters(3);
        ModelJetsTest.compare(model, theta, 4, x -> {
            DerivativeStructure[] in = ModelJetsTest.inputs(spec, x, 4);
            DerivativeStructure[] out = new DerivativeStructure[2];
            for (int f = 0; f < 2; f++) {
                DerivativeStructure sum = in[0].multiply(0);
                for (int j = 0; j < 7; j++) {
                    DerivativeStructure z = in[0].multiply(inner.fixedWeights()[j * 2]).add(in[1].multiply(inner.fixedWeights()[j * 2 + 1]))
                            .add(inner.fixedBias()[j]);
                    sum = sum.add(z.sin().multiply(theta[f * 7 + j]));
                }
                out[f] = sum;
            }
            return out;
        }, 4);
    }

    @Test
    void sinusoidalEmbeddingJets() {
        ModelSpec spec = ModelJetsTest.spec(2, List.of("u"), new int[] {6}, "swish", false, true,
                Map.of("frequencies", "3", "smoothness", "1.5", "output-factor", "box-zero", "output-factor-inputs", "1"));
        Model model = StandardModels.create("sinusoidal-mlp", spec);
        double[] theta = model.initialParameters(8);
        for (int p = 0; p < theta.length; p++) {
            theta[p] *= 5;
        }
        ModelJetsTest.compare(model, theta, 4, x -> {
            DerivativeStructure[] in = ModelJetsTest.inputs(spec, x, 4);
            DerivativeStructure[] features = new DerivativeStructure[12];
            int f = 0;
            for (int kind = 0; kind < 2; kind++) {
                for (int j = 0; j < 2; j++) {
                    for (int k = 0; k < 3; k++) {
                        double w = 0.5 * Math.PI * Math.pow(2, k);
                        DerivativeStructure arg = in[j].multiply(w);
                        features[f++] = (kind == 0 ? arg.sin() : arg.cos()).multiply(Math.pow(w, -1.5));
                    }
                }
            }
            // factor only in input 1
            double lo = spec.inputLower()[1];
            double hi = spec.inputUpper()[1];
            double h = 0.5 * (hi - lo);
            DerivativeStructure y = new DerivativeStructure(2, 4, 1, x[1]);
            DerivativeStructure g = y.subtract(lo).multiply(y.negate().add(hi)).divide(h * h);
            return new DerivativeStructure[] {ModelJetsTest.perceptron(model.layout(), theta, 0, features, "swish")[0].multiply(g)};
        }, 6);
    }
}
