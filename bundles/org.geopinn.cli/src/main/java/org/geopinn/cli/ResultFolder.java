package org.geopinn.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.geopinn.api.GeopinnException;

/**
 * A results folder written as a transaction. The files of a new run or a resume go into a fresh
 * sibling folder {@code .NAME.partial-RUNID}; {@link Manifest} is written there last; then the
 * folder is switched in by renames: an existing {@code NAME} is renamed to
 * {@code .NAME.replaced-RUNID}, the new folder to {@code NAME}, and the replaced one deleted. A
 * crash at any moment leaves {@code NAME} either the complete old results or the complete new
 * ones, or (between the two renames) missing with both beside it, which {@link #recover} sorts
 * out before the next writer or reader under the folder's {@link ResultLock}: a complete new
 * folder is switched in, else the replaced one is put back; leftovers are deleted.
 */
final class ResultFolder {
    /** Every file a results folder may hold; anything else in it is the user's and is never deleted. */
    static final Set<String> RESULT_FILES = Set.of(ResultWriter.SUMMARY, ResultWriter.PARAMETERS, ResultWriter.OPTIMIZER_STATE,
            HistoryTable.FILE, RunRecord.FILE, ResultWriter.VTK, ResultWriter.VTU, ResultWriter.SOLUTION_PNG, ResultWriter.ERROR_PNG,
            ResultWriter.LOSS_PNG, Manifest.FILE);
    private static final SecureRandom IDS = new SecureRandom();

    private ResultFolder() {
    }

    /** @return a fresh run id: 12 hex digits */
    static String newRunId() {
        byte[] b = new byte[6];
        IDS.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Files being written for one folder.
     */
    static final class Stage implements AutoCloseable {
        private final Path target;
        private final Path dir;
        private final String runId;
        private boolean committed;

        private Stage(Path target, Path dir, String runId) {
            this.target = target;
            this.dir = dir;
            this.runId = runId;
        }

        /** @return the run id of this writing */
        String runId() {
            return runId;
        }

        /** @param name a file name @return where to write it */
        Path file(String name) {
            return dir.resolve(name);
        }

        /**
         * Writes the manifest of the given files and switches the folder in.
         *
         * @param files the files written, in the order to list them
         * @throws GeopinnException if it cannot be done; the target is then unchanged
         */
        void commit(List<String> files) {
            AtomicFiles.writeText(dir.resolve(Manifest.FILE), Manifest.text(dir, runId, files));
            forceDirectory(dir);
            Path parent = target.getParent();
            try {
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Path replaced = parent.resolve("." + target.getFileName() + ".replaced-" + runId);
                    move(target, replaced);
                    move(dir, target);
                    committed = true;
                    forceDirectory(parent);
                    deleteTree(replaced);
                } else {
                    move(dir, target);
                    committed = true;
                    forceDirectory(parent);
                }
            } catch (IOException e) {
                throw new GeopinnException("cannot switch the new results into " + target + " (" + AtomicFiles.reason(e) + ")");
            }
        }

        /** Deletes the new files unless they were switched in. */
        @Override
        public void close() {
            if (!committed) {
                deleteTree(dir);
            }
        }
    }

    /**
     * Starts writing a folder; the caller holds its {@link ResultLock}.
     *
     * @param target the results folder
     * @return the stage to write into
     * @throws GeopinnException (one line) if the parent folder cannot be written
     */
    static Stage begin(Path target) {
        String runId = newRunId();
        Path dir = target.resolveSibling("." + target.getFileName() + ".partial-" + runId);
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new GeopinnException("cannot write to the output directory " + target + " (cannot create " + dir + ": "
                    + AtomicFiles.reason(e) + ")");
        }
        return new Stage(target, dir, runId);
    }

    /**
     * Sorts out what a writer killed while switching a folder in left behind; the caller holds the
     * folder's lock.
     *
     * @param target the results folder
     * @return what was done, one line, or null when nothing was left
     */
    static String recover(Path target) {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return null;
        }
        List<Path> partial = new ArrayList<>();
        List<Path> replaced = new ArrayList<>();
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".partial-")) {
                    partial.add(p);
                } else if (n.startsWith("." + name + ".replaced-")) {
                    replaced.add(p);
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (partial.isEmpty() && replaced.isEmpty()) {
            return null;
        }
        String done = "removed what an interrupted writer left beside " + target;
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Killed between the two renames of a switch: finish it, or undo it.
            Path back = partial.stream().filter(p -> Manifest.incompleteReason(p) == null)
                    .max(Comparator.comparing(ResultFolder::modified)).orElse(null);
            String how = "finished switching in the new results";
            if (back == null) {
                back = replaced.stream().filter(p -> Manifest.incompleteReason(p) == null)
                        .max(Comparator.comparing(ResultFolder::modified)).orElse(null);
                how = "put the previous results back";
            }
            if (back != null) {
                try {
                    move(back, target);
                    done = how + " into " + target + " (a writer had been killed while switching them)";
                } catch (IOException e) {
                    return "could not restore " + target + " from " + back + ": " + AtomicFiles.reason(e);
                }
            }
        }
        partial.forEach(ResultFolder::deleteTree);
        replaced.forEach(ResultFolder::deleteTree);
        return done;
    }

    /**
     * @param dir a results folder to read
     * @param option how it was given, for the message
     * @throws GeopinnException (one line) when it is not complete
     */
    static void requireComplete(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new GeopinnException(option + " " + dir + " is not a Geopinn results directory (no such folder)");
        }
        String why = Manifest.incompleteReason(dir);
        if (why != null) {
            throw new GeopinnException(option + " " + dir + " is incomplete: " + why + "; it cannot be used (run the solve again)");
        }
    }

    /**
     * A folder results may replace: absent, empty, or holding nothing but result files.
     *
     * @param target the folder
     * @param option how it was given
     * @throws GeopinnException (one line) if it holds other files, which replacing it would delete
     */
    static void requireReplaceable(Path target, String option) {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new GeopinnException("cannot write to the output directory " + target + " (it is "
                    + (Files.isSymbolicLink(target) ? "a symbolic link" : "a file") + ", not a folder)");
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!RESULT_FILES.contains(n) && !(n.startsWith(".") && n.endsWith(".tmp"))) {
                    foreign.add(n);
                }
            }
        } catch (IOException e) {
            throw new GeopinnException("cannot write to the output directory " + target + " (" + AtomicFiles.reason(e) + ")");
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            throw new GeopinnException(option + " " + target + " holds files that are not Geopinn results ("
                    + Text.cut(String.join(", ", foreign), 120) + "); results replace the whole folder, so give a new or empty "
                    + "folder or an earlier results folder");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** Makes a folder's entries durable (renames inside it survive a power cut). Best effort. */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported on every system; the renames are still atomic
        }
    }

    /** Deletes a folder and its content, best effort. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover is removed by the next writer's recovery
        }
    }
}
