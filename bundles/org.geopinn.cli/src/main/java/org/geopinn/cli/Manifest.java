package org.geopinn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * {@code manifest.sha256} of a results folder, written after every other file: a comment line
 * with the run id, then one line per file with its SHA-256 in the format of {@code sha256sum}
 * (so {@code sha256sum -c manifest.sha256} checks a folder by hand). A folder is complete when
 * its manifest exists and every file it names has that checksum.
 */
final class Manifest {
    /** The file name. */
    static final String FILE = "manifest.sha256";
    private static final String COMMENT = "# Geopinn results, run ";

    private Manifest() {
    }

    /**
     * @param dir the folder holding the files
     * @param runId the id of this writing
     * @param files the files to list (relative names)
     * @return the manifest text
     * @throws GeopinnException if a file cannot be read
     */
    static String text(Path dir, String runId, List<String> files) {
        StringBuilder b = new StringBuilder(COMMENT).append(runId).append(", written ").append(Instant.now())
                .append("; check with: sha256sum -c ").append(FILE).append('\n');
        for (String f : files) {
            b.append(sha256(dir.resolve(f))).append("  ").append(f).append('\n');
        }
        return b.toString();
    }

    /**
     * @param dir a results folder
     * @return null when it is complete, else why not (one short clause)
     */
    static String incompleteReason(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return "it has no " + FILE + " (the run writing it did not finish, or an older Geopinn wrote it)";
        }
        Map<String, String> sums = new LinkedHashMap<>();
        String runId = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(COMMENT)) {
                    int end = line.indexOf(',', COMMENT.length());
                    runId = line.substring(COMMENT.length(), end < 0 ? line.length() : end);
                } else if (!line.isBlank()) {
                    int gap = line.indexOf("  ");
                    if (gap != 64) {
                        return FILE + " is damaged (line '" + Text.cut(line, 80) + "')";
                    }
                    sums.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
        } catch (IOException e) {
            return FILE + " cannot be read (" + AtomicFiles.reason(e) + ")";
        }
        if (runId == null || sums.isEmpty() || !sums.containsKey(ResultWriter.SUMMARY)) {
            return FILE + " is damaged (no run id or no files)";
        }
        for (Map.Entry<String, String> e : sums.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                return e.getKey() + " is missing";
            }
            String actual;
            try {
                actual = sha256(f);
            } catch (GeopinnException ex) {
                return e.getKey() + " cannot be read";
            }
            if (!actual.equals(e.getValue())) {
                return e.getKey() + " does not match " + FILE + " (it was changed or only partly written)";
            }
        }
        return null;
    }

    /**
     * @param dir a results folder
     * @return the run id its manifest names, or null
     */
    static String runId(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
                if (line.startsWith(COMMENT)) {
                    int end = line.indexOf(',', COMMENT.length());
                    return line.substring(COMMENT.length(), end < 0 ? line.length() : end);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new GeopinnException("cannot read " + file + " (" + AtomicFiles.reason(e) + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
