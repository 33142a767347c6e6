package org.geopinn.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunPerformer;
import org.geopinn.api.sweep.RunRequest;
import org.geopinn.settings.SettingsText;

/**
 * Performs a sweep run on this host: trains it with the training service, writes its results
 * folder with the results writer into a scratch folder, and hands back the files (the machine that
 * gathers the sweep may be another one).
 */
final class SweepPerformer implements RunPerformer {
    private final Services services;
    private final String member;
    private final ProblemGate gate;

    /**
     * @param services the host
     * @param member this host's name in outcomes
     */
    SweepPerformer(Services services, String member) {
        this.services = services;
        this.member = member;
        this.gate = new ProblemGate(services::configureProblem);
    }

    @Override
    public RunOutcome perform(RunRequest r) throws InterruptedException {
        services.awaitReady();
        try {
            gate.enter(r.problem(), r.problemSettings());
        } catch (GeopinnException e) {
            return refused(r, e.getMessage());
        }
        try {
            // Looked up inside the gate: a run that gives the problem other settings re-registers it (for a
            // moment there is none), and it does so inside the gate, where no other run of it is.
            Problem problem = services.problem(r.problem()).orElse(null);
            if (problem == null) {
                return refused(r, "unknown problem '" + r.problem() + "' on " + member);
            }
            Session s;
            try {
                s = services.training().start(spec(r, problem));
            } catch (GeopinnException | IllegalArgumentException e) {
                return refused(r, e.getMessage());
            }
            try {
                SessionState state;
                do {
                    state = s.await(Duration.ofSeconds(1));
                } while (!state.isTerminal());
            } catch (InterruptedException e) {
                s.stop();
                throw e;
            }
            return outcome(r, s);
        } finally {
            gate.leave(r.problem());
        }
    }

    private static SessionSpec spec(RunRequest r, Problem problem) {
        SessionSpec.Builder b = SessionSpec.builder(r.problem()).seed(r.seed()).maxSteps(r.maxSteps()).timeBudgetSeconds(r.budgetSeconds());
        if (!r.optimizers().isEmpty()) {
            b.optimizers(r.optimizers());
        }
        if (!r.weighting().isEmpty()) {
            SettingsText w = SettingsText.parse(r.weighting(), "weighting");
            b.weighting(w.id()).weightingSettings(w.settings());
        }
        if (!r.hidden().isEmpty()) {
            b.hidden(org.geopinn.api.model.ModelSpec.parseHidden(r.hidden(), "sweep file: hidden"));
        }
        long total = r.maxSteps() > 0 ? r.maxSteps() : SolveOptions.defaultSteps(problem);
        // as a solve does: the error is measured about twenty times over a run, outside its timed steps
        return b.errorEvery((int) Math.max(1, total / SolveOptions.ERROR_SAMPLES)).build();
    }

    private RunOutcome outcome(RunRequest r, Session s) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("geopinn-run-");
        } catch (IOException e) {
            throw new GeopinnException("cannot create a scratch folder for run " + r.key() + " (" + AtomicFiles.reason(e) + ")");
        }
        try {
            Path dir = services.results().export(s, scratch.resolve(r.key()));
            Map<String, byte[]> files = new TreeMap<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path f : ds) {
                    if (Files.isRegularFile(f)) {
                        files.put(f.getFileName().toString(), Files.readAllBytes(f));
                    }
                }
            } catch (IOException e) {
                throw new GeopinnException("cannot read the results of run " + r.key() + " (" + AtomicFiles.reason(e) + ")");
            }
            List<TrainingEvent> h = s.history();
            TrainingEvent last = h.isEmpty() ? null : h.get(h.size() - 1);
            return new RunOutcome(r.key(), member, files, s.state().name().toLowerCase(Locale.ROOT), last == null ? 0 : last.step(),
                    last == null ? 0 : last.seconds(), last == null ? Double.NaN : last.loss(),
                    last == null ? Double.NaN : last.relativeL2(), SolveCommand.oneLine(String.valueOf(s.message())));
        } finally {
            ResultFolder.deleteTree(scratch);
        }
    }

    private RunOutcome refused(RunRequest r, String why) {
        return new RunOutcome(r.key(), member, Map.of(), "refused", 0, 0, Double.NaN, Double.NaN, SolveCommand.oneLine(why));
    }
}
