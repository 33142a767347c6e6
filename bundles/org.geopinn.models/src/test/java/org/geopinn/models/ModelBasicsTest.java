package org.geopinn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts, initialisation, seeds, parameter files and error messages. */
class ModelBasicsTest {
    static ModelSpec spec(int[] hidden, String activation, String init, boolean separate, Map<String, String> options) {
        return new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u", "v"), hidden, activation, init, separate,
                false, options);
    }

    @Test
    void laplaceBenchmarkNetworkHas8577Parameters() {
        Model model = StandardModels.create("mlp", new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"),
                new int[] {64, 64, 64}, "tanh", "xavier", false, false, Map.of()));
        assertEquals(8577, model.parameterCount());
        ParameterBlock first = model.layout().block("net0.layer0.weight");
        assertEquals(64, first.rows());
        assertEquals(2, first.cols());
        assertEquals(ParameterBlock.Kind.BIAS, model.layout().block("net0.layer3.bias").kind());
    }

    @Test
    void separateNetworksAreContiguous() {
        Model model = StandardModels.create("mlp", spec(new int[] {8}, "tanh", "xavier", true, Map.of()));
        ParameterLayout layout = model.layout();
        assertEquals(2, layout.networks());
        int[] r0 = layout.networkRange(0);
        int[] r1 = layout.networkRange(1);
        assertEquals(0, r0[0]);
        assertEquals(r0[1], r1[0]);
        assertEquals(layout.size(), r1[1]);
        assertEquals(2 * (8 * 2 + 8 + 8 + 1), layout.size());
    }

    @Test
    void xavierStatistics() {
        Model model = StandardModels.create("mlp", spec(new int[] {400, 300}, "tanh", "xavier", false, Map.of()));
        double[] theta = model.initialParameters(7);
        ParameterBlock w = model.layout().block("net0.layer1.weight");
        double[] moments = moments(theta, w);
        assertEquals(0.0, moments[0], 3 * Math.sqrt(2.0 / 700) / Math.sqrt(w.size()) * 2);
        assertEquals(Math.sqrt(2.0 / 700), moments[1], 0.02 * Math.sqrt(2.0 / 700));
        ParameterBlock b = model.layout().block("net0.layer1.bias");
        for (int p = b.offset(); p < b.offset() + b.size(); p++) {
            assertEquals(0.0, theta[p]);
        }
    }

    @Test
    void normalStatisticsIncludeBiases() {
        Model model = StandardModels.create("mlp", spec(new int[] {300, 300}, "tanh", "normal", false, Map.of()));
        double[] theta = model.initialParameters(7);
        double[] w = moments(theta, model.layout().block("net0.layer1.weight"));
        assertEquals(0.1, w[1], 0.002);
        assertEquals(0.0, w[0], 0.001);
        double[] b = moments(theta, model.layout().block("net0.layer1.bias"));
        assertEquals(0.1, b[1], 0.015);
    }

    @Test
    void seedsReproduce() {
        Model model = StandardModels.create("mlp", spec(new int[] {16}, "sin", "xavier", false, Map.of()));
        assertArrayEquals(model.initialParameters(3), model.initialParameters(3));
        assertFalse(Arrays.equals(model.initialParameters(3), model.initialParameters(4)));
        Model again = StandardModels.create("mlp", spec(new int[] {16}, "sin", "xavier", false, Map.of()));
        assertArrayEquals(model.initialParameters(3), again.initialParameters(3));
    }

    @Test
    void parameterFileRoundTrip(@TempDir Path dir) {
        Model model = StandardModels.create("mlp", spec(new int[] {7, 5}, "tanh", "normal", true, Map.of()));
        double[] theta = model.initialParameters(1);
        theta[0] = Math.PI * 1e-300;
        theta[1] = -0.1;
        Path file = dir.resolve("theta.txt");
        ParameterFile.write(file, model.layout(), theta);
        assertArrayEquals(theta, ParameterFile.read(file, model.layout()));
        assertEquals(model.layout(), ParameterFile.read(file).layout());
    }

    @Test
    void parameterFileRejectsAnotherLayout(@TempDir Path dir) {
        Model small = StandardModels.create("mlp", spec(new int[] {7}, "tanh", "normal", false, Map.of()));
        Model large = StandardModels.create("mlp", spec(new int[] {8}, "tanh", "normal", false, Map.of()));
        Path file = dir.resolve("theta.txt");
        ParameterFile.write(file, small.layout(), small.initialParameters(1));
        GeopinnException e = assertThrows(GeopinnException.class, () -> ParameterFile.read(file, large.layout()));
        assertTrue(e.getMessage().contains("do not fit the model: block 0 is net0.layer0.weight (WEIGHT 7x2, network 0) in the file"
                + " but net0.layer0.weight (WEIGHT 8x2, network 0) in the model"), e.getMessage());
    }

    @Test
    void parameterFileRejectsGarbage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junk.txt");
        Files.writeString(file, "hello\n");
        GeopinnException e = assertThrows(GeopinnException.class, () -> ParameterFile.read(file));
        assertTrue(e.getMessage().endsWith("is not a Geopinn parameter file: it does not start with 'geopinn-parameters 1'"));
    }

    @Test
    void clearErrorsForUnknownNames() {
        assertEquals("unknown activation 'relu'; known: tanh, sin, cos, swish (silu), softplus, identity",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "relu", "xavier",
                        false, Map.of()))).getMessage());
        assertEquals("unknown initialization 'he'; known: xavier (glorot), xavier-uniform, normal",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "tanh", "he", false,
                        Map.of()))).getMessage());
        assertEquals("model 'mlp' has no option 'features'; known options: output-factor, output-factor-inputs, output-scale, output-shift",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "tanh", "xavier",
                        false, Map.of("features", "3")))).getMessage());
        assertEquals("model 'mlp' has no output factor 'circle'; known: none, box-zero",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "tanh", "xavier",
                        false, Map.of("output-factor", "circle")))).getMessage());
        assertEquals("model 'mlp' option output-shift=1 must give 2 numbers, one per field [u, v]",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "tanh", "xavier",
                        false, Map.of("output-shift", "1")))).getMessage());
        assertEquals("model 'mlp' option output-scale=1,0: the scale of field 'v' must not be 0",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "tanh", "xavier",
                        false, Map.of("output-scale", "1,0")))).getMessage());
        assertEquals("model 'mlp' option output-scale=x,1: 'x' (field 'u') is not a finite number",
                assertThrows(GeopinnException.class, () -> StandardModels.create("mlp", spec(new int[] {4}, "tanh", "xavier",
                        false, Map.of("output-scale", "x,1")))).getMessage());
        assertEquals("unknown model 'resnet'; known: mlp, random-features, sinusoidal-mlp",
                assertThrows(GeopinnException.class, () -> StandardModels.create("resnet", spec(new int[] {4}, "tanh", "xavier",
                        false, Map.of()))).getMessage());
        assertEquals("model 'random-features' option features=-2 must be a positive integer",
                assertThrows(GeopinnException.class, () -> StandardModels.create("random-features", spec(new int[0], "sin",
                        "xavier", false, Map.of("features", "-2")))).getMessage());
    }

    private static double[] moments(double[] theta, ParameterBlock block) {
        double mean = 0;
        for (int p = block.offset(); p < block.offset() + block.size(); p++) {
            mean += theta[p];
        }
        mean /= block.size();
        double var = 0;
        for (int p = block.offset(); p < block.offset() + block.size(); p++) {
            var += (theta[p] - mean) * (theta[p] - mean);
        }
        return new double[] {mean, Math.sqrt(var / block.size())};
    }
}
