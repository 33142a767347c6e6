package org.geopinn.clitest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Judges a results folder independently of the CLI's own code: whether its manifest says it is
 * complete (every listed file has its SHA-256), and whether it really is one run's results
 * (summary, settings, history and manifest agree on the run and the step count).
 */
final class ResultCheck {
    private ResultCheck() {
    }

    /** @return whether a staged (being written) folder of r exists beside it */
    static boolean staging(Path r) throws IOException {
        return siblings(r, ".partial-").size() > 0;
    }

    /**
     * @param dir a results folder
     * @return null when it reads complete and is consistent; else why not
     */
    static String complete(Path dir) throws IOException {
        String marked = marked(dir);
        if (marked != null) {
            return marked;
        }
        return consistent(dir);
    }

    /**
     * What a kill may leave: the folder complete and consistent (old or new run), or absent with a
     * complete folder beside it that the next run switches in. A folder that reads as complete but
     * mixes two runs, or a lost one, is a failure.
     *
     * @param r the results folder
     * @return null when fine, else what is wrong
     */
    static String afterCrash(Path r) throws IOException {
        if (Files.isDirectory(r)) {
            String marked = marked(r);
            if (marked != null) {
                return "the folder does not read as complete (" + marked + "): the earlier results are lost";
            }
            String mixed = consistent(r);
            return mixed == null ? null : "MARKED COMPLETE BUT IS NOT: " + mixed;
        }
        for (Path p : siblings(r, ".")) {
            if (marked(p) == null && consistent(p) == null) {
                return null; // killed between the two renames: recoverable
            }
        }
        return "the folder is gone and nothing complete is beside it";
    }

    /** @return null when the manifest exists and every file it names has its checksum, else why not */
    static String marked(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.sha256");
        if (!Files.isRegularFile(manifest)) {
            return "no manifest";
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String name = line.substring(66);
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                return name + " missing";
            }
            if (!sha256(f).equals(line.substring(0, 64))) {
                return name + " has another checksum";
            }
        }
        return null;
    }

    /** @return null when summary, run.properties, history and manifest describe one run, else the difference */
    static String consistent(Path dir) throws IOException {
        String summary = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        String manifest = Files.readString(dir.resolve("manifest.sha256"), StandardCharsets.UTF_8);
        Matcher runId = Pattern.compile("# Geopinn results, run ([0-9a-f]+),").matcher(manifest);
        if (!runId.find() || !summary.contains("\"run_id\": \"" + runId.group(1) + "\"")) {
            return "summary.json and manifest.sha256 name different runs";
        }
        Properties run = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("run.properties"), StandardCharsets.UTF_8)) {
            run.load(in);
        }
        List<String> history = Files.readAllLines(dir.resolve("history.csv"), StandardCharsets.UTF_8);
        String steps = SolveProcessTest.number(summary, "steps");
        String lastStep = history.get(history.size() - 1).split(",")[0];
        if (!steps.equals(run.getProperty("steps")) || !steps.equals(lastStep) || history.size() - 1 != Integer.parseInt(steps)) {
            return "steps: summary " + steps + ", run.properties " + run.getProperty("steps") + ", history " + lastStep + " in "
                    + (history.size() - 1) + " rows";
        }
        if (!SolveProcessTest.number(summary, "seed").equals(run.getProperty("seed"))) {
            return "seeds differ";
        }
        return null;
    }

    /** Recomputes the checksums of a manifest (a test writes a damaged file as if a run had written it). */
    static void rewriteManifest(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.sha256");
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                b.append(line).append('\n');
            } else {
                String name = line.substring(66);
                b.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
            }
        }
        Files.writeString(manifest, b.toString(), StandardCharsets.UTF_8);
    }

    private static List<Path> siblings(Path r, String marker) throws IOException {
        List<Path> found = new ArrayList<>();
        String prefix = "." + r.getFileName() + marker;
        try (Stream<Path> s = Files.list(r.getParent())) {
            s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).forEach(found::add);
        }
        return found;
    }

    private static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
