package org.geopinn.clitest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the assembled host's launcher as a separate process, as a user would run ./geopinn. */
final class Geopinn {
    /** What a finished process left behind. */
    record Result(int exit, String out, String err) {
        /** @return the lines of standard error that are not the host's own start-up warnings */
        List<String> errorLines() {
            return err.lines().filter(l -> !l.isBlank() && !l.contains("did not start") && !l.contains("was not installed")).toList();
        }
    }

    static final Path HOST = Path.of(System.getProperty("geopinn.test.host", "../../features/target/host")).toAbsolutePath().normalize();
    static final Path LAUNCHER = HOST.resolve("geopinn-launcher.jar");

    private Geopinn() {
    }

    /**
     * @param home the Geopinn home for this run (runs/ and docs/ go there)
     * @param args the command line
     * @return the process, started; output goes to files in home
     * @throws IOException if it cannot start
     */
    static Process start(Path home, List<String> args) throws IOException {
        return start(home, args, "");
    }

    /**
     * @param home the Geopinn home for this run
     * @param args the command line
     * @param tag added to the names of the output files, so that processes running at once keep their own
     * @return the process, started; output goes to {@code stdoutTAG.txt} and {@code stderrTAG.txt} in home
     * @throws IOException if it cannot start
     */
    static Process start(Path home, List<String> args, String tag) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/env")) && envResetsSignals()) {
            // A process started in the background by a non-interactive shell inherits SIGINT as
            // ignored, and the JVM then never sees Ctrl-C: restore the default disposition.
            cmd.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        cmd.addAll(List.of(javaBin(), "-Djava.awt.headless=true", "-Dgeopinn.host=" + HOST, "-Dgeopinn.home=" + home,
                "-jar", LAUNCHER.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.redirectOutput(home.resolve("stdout" + tag + ".txt").toFile());
        pb.redirectError(home.resolve("stderr" + tag + ".txt").toFile());
        return pb.start();
    }

    /**
     * @param home the Geopinn home
     * @param args the command line
     * @return the exit code and output
     */
    static Result run(Path home, String... args) throws IOException, InterruptedException {
        Process p = start(home, List.of(args));
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("geopinn " + String.join(" ", args) + " did not finish in 180 s; it printed:\n"
                    + tail(home.resolve("stdout.txt")) + "\nand on standard error:\n" + tail(home.resolve("stderr.txt")));
        }
        return finished(home, p);
    }

    /** @return the last 20 lines of a file (empty when it is missing) */
    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** @return the result of a process that has ended */
    static Result finished(Path home, Process p) throws IOException {
        return finished(home, p, "");
    }

    /** @return the result of a process started with a tag that has ended */
    static Result finished(Path home, Process p, String tag) throws IOException {
        return new Result(p.exitValue(), Files.readString(home.resolve("stdout" + tag + ".txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr" + tag + ".txt"), StandardCharsets.UTF_8));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean envResetsSignals() {
        try {
            Process p = new ProcessBuilder("/usr/bin/env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                in.readAllBytes();
            }
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
