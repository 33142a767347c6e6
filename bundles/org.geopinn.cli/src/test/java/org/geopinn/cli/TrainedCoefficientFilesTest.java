package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained coefficients in the results: history.csv columns, the progress line, run.properties and --unknown. */
class TrainedCoefficientFilesTest {
    private static TrainingEvent step(long step, double kappa) {
        return new TrainingEvent(TrainingEvent.Kind.STEP, "s1", step, step * 0.5, 3e-4, new double[] {1e-4, 2e-4}, new double[] {1, 1},
                Double.NaN, new double[0], "lm", "", null, 0, new double[] {kappa});
    }

    @Test
    void historyHasAColumnPerCoefficientReadBackBitForBit(@TempDir Path dir) {
        HistoryTable h = new HistoryTable(List.of("pde", "data"), List.of("u"), false, List.of("kappa"));
        h.add(step(1, 0.1), 0);
        h.add(step(2, 0.2499871234567891), 0);
        assertEquals("step,seconds,loss,loss_pde,loss_data,weight_pde,weight_data,rel_l2,error_u,coefficient_kappa,optimizer,problem_config,points",
                h.csv().lines().findFirst().get());
        AtomicFiles.writeText(dir.resolve(HistoryTable.FILE), h.csv());
        HistoryTable resumed = new HistoryTable(List.of("pde", "data"), List.of("u"), false, List.of("kappa"));
        resumed.addEarlier(dir.resolve(HistoryTable.FILE), 2);
        assertEquals(0.2499871234567891, resumed.last("coefficient_kappa"), 0.0);
    }

    @Test
    void theProgressLineShowsTheCoefficients() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, List.of("pde", "data"),
                0, 100, 0, 0).coefficients(List.of("kappa"));
        p.onEvent(step(10, 0.24999123));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("  kappa 0.249991  "), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theRunRecordKeepsTheUnknownsForResume(@TempDir Path dir) {
        var spec = new org.geopinn.api.model.ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"), new int[] {8},
                "tanh", "xavier", false, true, Map.of());
        var session = org.geopinn.api.session.SessionSpec.builder("heat").model("mlp").engine("autodiff")
                .scaling(org.geopinn.api.operator.LossScaling.MEAN).optimizers("lm").weighting("fixed")
                .unknowns(Map.of("kappa", 0.1)).build();
        RunRecord r = new RunRecord("heat", List.of("t", "x"), Map.of(), spec, "mlp", session, 5, 1.5, "lm");
        AtomicFiles.writeText(dir.resolve(RunRecord.FILE), r.text());
        assertEquals(Map.of("kappa", 0.1), RunRecord.read(dir).session().unknowns());
    }

    @Test
    void unknownOptionIsParsedOrRefusedOnOneLine() {
        assertEquals(Map.of("nu", 0.01, "kappa", 0.1), SolveOptions.unknowns("nu=0.01, kappa=0.1"));
        GeopinnException e = assertThrows(GeopinnException.class, () -> SolveOptions.unknowns("nu"));
        assertEquals("--unknown: 'nu' is not NAME=VALUE with a finite initial value (e.g. nu=0.1)", e.getMessage());
        assertThrows(GeopinnException.class, () -> SolveOptions.unknowns("nu=abc"));
        assertThrows(GeopinnException.class, () -> SolveOptions.unknowns("nu=1,nu=2"));
    }
}
