package org.geopinn.diagnostics.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.diagnostics.ReportFiles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Hears every session (a {@link TrainingListener} service) and writes each diagnostic report,
 * whether taken every k steps ({@code SessionSpec.diagnosticEvery}) or on demand
 * ({@code Session.diagnose}), as CSV and PNG files: {@code FOLDER/SESSION-yyyyMMdd-HHmmss/stepNNNNNNNN-ID-*},
 * the time being that of the session's first report (session ids restart in every process, the
 * time keeps runs apart). Files are written on a background thread, so the session's worker only
 * hands the report over.
 */
@Component(service = TrainingListener.class, property = "geopinn.id=diagnostic-snapshots")
@Designate(ocd = DiagnosticSnapshotWriter.Config.class)
public final class DiagnosticSnapshotWriter implements TrainingListener {
    /** Where snapshots go. */
    @ObjectClassDefinition(name = "Geopinn diagnostic snapshots", description = "Writes diagnostic reports of sessions as CSV and PNG")
    public @interface Config {
        /** @return the folder; empty for GEOPINN_HOME/runs/diagnostics */
        @AttributeDefinition(name = "Folder", description = "Folder of the snapshots; empty for <geopinn.home>/runs/diagnostics")
        String folder() default "";
    }

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "geopinn-diagnostic-snapshots");
        t.setDaemon(true);
        return t;
    });
    private volatile Path folder = Path.of("runs", "diagnostics");
    private final Map<String, Path> sessionFolders = new ConcurrentHashMap<>();

    /** @param context for the geopinn.home launch property @param config the folder setting */
    @Activate
    void activate(BundleContext context, Config config) {
        String home = context.getProperty("geopinn.home");
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("user.dir")) : Path.of(home);
        folder = config.folder().isBlank() ? base.resolve("runs").resolve("diagnostics") : base.resolve(config.folder());
    }

    /** Lets pending snapshots finish (for a few seconds) before the bundle stops. */
    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        DiagnosticReport report = event.report();
        if (event.kind() != TrainingEvent.Kind.DIAGNOSTIC || report == null) {
            return;
        }
        Path target = sessionFolders.computeIfAbsent(event.sessionId(),
                id -> folder.resolve(id + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))));
        String prefix = String.format(Locale.ROOT, "step%08d-%s-", event.step(), report.diagnosticId());
        writer.execute(() -> {
            try {
                ReportFiles.write(report, target, prefix);
            } catch (RuntimeException e) {
                System.err.println("diagnostic snapshot " + target.resolve(prefix) + " not written: " + e.getMessage());
            }
        });
    }

    /** @return the folder snapshots are written under (one sub-folder per session) */
    Path folder() {
        return folder;
    }
}
