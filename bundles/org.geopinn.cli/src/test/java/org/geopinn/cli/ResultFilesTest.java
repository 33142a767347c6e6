package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.reporting.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
    private static TrainingEvent step(long step, double seconds, double a, double b, double err) {
        return new TrainingEvent(TrainingEvent.Kind.STEP, "s1", step, seconds, a + b, new double[] {a, b}, new double[] {1, 2}, err,
                Double.isNaN(err) ? new double[0] : new double[] {err}, "adam", "", null);
    }

    @Test
    void historyRowsAreExactAndAResumeAppendsToTheEarlierRows(@TempDir Path dir) {
        HistoryTable first = new HistoryTable(List.of("pde", "boundary"), List.of("u"));
        first.add(step(1, 0.5, 0.1, 0.2, Double.NaN), 0, "gamma=1,kappa=2");
        first.add(step(2, 1.0, 0.1 / 3, 0.2, 0.123456789012345678), 0, "", "renewed the collocation points of pde, boundary");
        String csv = first.csv();
        assertEquals("step,seconds,loss,loss_pde,loss_boundary,weight_pde,weight_boundary,rel_l2,error_u,optimizer,problem_config,points",
                csv.lines().findFirst().get());
        assertTrue(csv.contains("\n1,0.5,0.30000000000000004,0.1,0.2,1.0,2.0,,,adam,gamma=1;kappa=2,\n"), csv);
        assertTrue(csv.contains("\n2,1.0,"), csv);
        assertTrue(csv.lines().skip(2).findFirst().get().endsWith(",adam,,renewed the collocation points of pde; boundary"),
                "configuration marked only where it starts, the renewal where its points are first trained on: " + csv);
        assertEquals(List.of("renewed the collocation points of pde; boundary"), first.texts(HistoryTable.POINTS));
        AtomicFiles.writeText(dir.resolve(HistoryTable.FILE), csv);

        // histories written before the points column, and before the problem_config column, are read too
        String beforePoints = String.join("\n", csv.lines().map(l -> l.substring(0, l.lastIndexOf(','))).toList()) + "\n";
        String beforeConfig = String.join("\n", beforePoints.lines().map(l -> l.substring(0, l.lastIndexOf(','))).toList()) + "\n";
        for (String older : List.of(beforePoints, beforeConfig)) {
            AtomicFiles.writeText(dir.resolve("older.csv"), older);
            HistoryTable fromOlder = new HistoryTable(List.of("pde", "boundary"), List.of("u"));
            fromOlder.addEarlier(dir.resolve("older.csv"), 2);
            assertArrayEquals(new double[] {1, 2}, fromOlder.steps());
            assertTrue(fromOlder.csv().lines().skip(1).allMatch(l -> l.split(",", -1).length == 12), fromOlder.csv());
        }

        HistoryTable resumed = new HistoryTable(List.of("pde", "boundary"), List.of("u"));
        resumed.addEarlier(dir.resolve(HistoryTable.FILE), 2);
        resumed.add(step(3, 0.25, 0.01, 0.02, Double.NaN), 1.0);
        assertArrayEquals(new double[] {1, 2, 3}, resumed.steps());
        assertEquals(List.of("renewed the collocation points of pde; boundary"), resumed.texts(HistoryTable.POINTS),
                "the earlier run's renewal is kept");
        assertEquals(1.25, resumed.last(HistoryTable.SECONDS), "seconds continue");
        assertEquals(0.123456789012345678, resumed.column(HistoryTable.REL_L2)[1], 0.0, "read back bit for bit");

        HistoryTable other = new HistoryTable(List.of("pde"), List.of("u"));
        assertThrows(GeopinnException.class, () -> other.addEarlier(dir.resolve(HistoryTable.FILE), 2));
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeText(f, "one");
        AtomicFiles.writeText(f, "two");
        assertEquals("two", Files.readString(f));
        assertThrows(GeopinnException.class, () -> AtomicFiles.write(f, out -> {
            out.write('x');
            throw new java.io.IOException("disk full");
        }));
        assertEquals("two", Files.readString(f), "a failed write keeps the old file");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("a.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertThrows(GeopinnException.class, () -> AtomicFiles.requireWritableDirectory(blocker.resolve("sub")));
    }

    @Test
    void jsonNumbersRoundTripAndStringsAreEscaped() {
        String json = Json.write(Map.of("a", 0.1 + 0.2));
        assertTrue(json.contains("\"a\": 0.30000000000000004"), json);
        assertTrue(Json.write(List.of("q\"\\\n", Double.NaN)).contains("[\"q\\\"\\\\\\n\", null]"));
    }

    @Test
    void runRecordRoundTrips(@TempDir Path dir) {
        var spec = new org.geopinn.api.model.ModelSpec(new double[] {0, -1}, new double[] {1, 1}, List.of("u", "v"), new int[] {16, 8},
                "tanh", "xavier", true, true, Map.of("factor", "x*(1-x)"));
        var session = org.geopinn.api.session.SessionSpec.builder("p").model("mlp").engine("autodiff")
                .scaling(org.geopinn.api.operator.LossScaling.SUM).optimizers("adam(lr=1e-3):10,lbfgs").weighting("fixed")
                .points(Map.of("pde", 100)).resampleEvery(5).seed(42).maxSteps(99).errorEvery(3).build();
        RunRecord r = new RunRecord("p", List.of("t", "x"), Map.of("gamma", "10.0"), spec, "mlp", session, 12, 3.5, "adam");
        AtomicFiles.writeText(dir.resolve(RunRecord.FILE), r.text());
        RunRecord back = RunRecord.read(dir);
        assertEquals(List.of("t", "x"), back.variables());
        assertEquals(Map.of("gamma", "10.0"), back.problemSettings());
        assertEquals(spec.toString(), back.spec().toString());
        assertArrayEquals(spec.inputLower(), back.spec().inputLower());
        assertEquals("adam(lr=1e-3):10,lbfgs", String.join(",", back.session().optimizers().stream().map(o -> o.text()).toList()));
        assertEquals(Map.of("pde", 100), back.session().points());
        assertEquals(org.geopinn.api.operator.LossScaling.SUM, back.session().scaling());
        assertEquals(42, back.session().seed());
        assertEquals(99, back.session().maxSteps());
        assertEquals(12, back.steps());
        assertEquals(3.5, back.seconds());
        assertEquals("adam", back.optimizerId());
        assertThrows(GeopinnException.class, () -> RunRecord.read(dir.resolve("none")));
    }
}
