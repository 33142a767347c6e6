package org.geopinn.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class DiagnosticSnapshotWriterTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesEachDiagnosticEventUnderItsSessionAndStep(@TempDir Path home) throws Exception {
        DiagnosticSnapshotWriter w = new DiagnosticSnapshotWriter();
        w.activate(context(home), config(""));
        assertEquals(home.resolve("runs").resolve("diagnostics"), w.folder());
        DiagnosticReport report = new NtkDiagnostic().run(new LinearSystem(KernelDiagnosticsTest.random(4, 3, 1), 4, 3, 3), new double[3], Map.of());
        w.onEvent(event(TrainingEvent.Kind.DIAGNOSTIC, report));
        w.onEvent(event(TrainingEvent.Kind.STEP, null));
        w.deactivate();
        Path session;
        try (var folders = Files.list(home.resolve("runs/diagnostics"))) {
            List<Path> all = folders.toList();
            assertEquals(1, all.size(), all.toString());
            session = all.get(0);
        }
        assertTrue(session.getFileName().toString().matches("s1-\\d{8}-\\d{6}"), session.toString());
        assertTrue(Files.exists(session.resolve("step00000120-ntk-scalars.csv")));
        assertTrue(Files.exists(session.resolve("step00000120-ntk-spectrum.png")));
        assertTrue(Files.exists(session.resolve("step00000120-ntk-kernel.png")));
        try (var files = Files.list(session)) {
            assertEquals(5, files.count(), "scalars, spectrum and kernel CSV, two PNG; nothing for the step event");
        }
    }

    private static TrainingEvent event(TrainingEvent.Kind kind, DiagnosticReport report) {
        return new TrainingEvent(kind, "s1", 120, 1.5, 0.1, new double[] {0.1}, new double[] {1}, Double.NaN, new double[0], "adam", "", report);
    }

    private static BundleContext context(Path home) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") && "geopinn.home".equals(args[0]) ? home.toString() : null);
    }

    private static DiagnosticSnapshotWriter.Config config(String folder) {
        return new DiagnosticSnapshotWriter.Config() {
            @Override
            public String folder() {
                return folder;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DiagnosticSnapshotWriter.Config.class;
            }
        };
    }
}
