package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction of a results folder, its lock and its recovery, without a framework. */
class ResultFolderTest {
    private static void write(Path target, String content) {
        try (ResultFolder.Stage stage = ResultFolder.begin(target)) {
            AtomicFiles.writeText(stage.file(ResultWriter.SUMMARY), content);
            AtomicFiles.writeText(stage.file(ResultWriter.PARAMETERS), content + " parameters");
            stage.commit(List.of(ResultWriter.PARAMETERS, ResultWriter.SUMMARY));
        }
    }

    @Test
    void aCommitReplacesTheWholeFolderAndLeavesNothingBesideIt(@TempDir Path home) throws Exception {
        Path r = home.resolve("r");
        write(r, "one");
        assertNull(Manifest.incompleteReason(r));
        AtomicFiles.writeText(r.resolve(ResultWriter.VTK), "stale"); // a file the next run does not write
        write(r, "two");
        assertEquals("two", Files.readString(r.resolve(ResultWriter.SUMMARY)));
        assertFalse(Files.exists(r.resolve(ResultWriter.VTK)), "no stale file beside new results");
        assertEquals(List.of("r"), Files.list(home).map(p -> p.getFileName().toString()).toList());
        Files.writeString(r.resolve(ResultWriter.PARAMETERS), "changed");
        assertEquals("parameters.txt does not match manifest.sha256 (it was changed or only partly written)", Manifest.incompleteReason(r));
        Files.delete(r.resolve(Manifest.FILE));
        assertTrue(Manifest.incompleteReason(r).startsWith("it has no manifest.sha256"));
    }

    @Test
    void aFailedWriteLeavesTheEarlierResults(@TempDir Path home) {
        Path r = home.resolve("r");
        write(r, "one");
        assertThrows(GeopinnException.class, () -> {
            try (ResultFolder.Stage stage = ResultFolder.begin(r)) {
                AtomicFiles.writeText(stage.file(ResultWriter.SUMMARY), "half");
                throw new GeopinnException("disk full");
            }
        });
        assertNull(Manifest.incompleteReason(r));
        assertEquals(1, home.toFile().list().length, "the staged folder is removed");
    }

    @Test
    void recoveryFinishesOrUndoesASwitchCutBetweenItsTwoRenames(@TempDir Path home) throws Exception {
        Path r = home.resolve("r");
        write(r, "old");
        Path staged = home.resolve("new");
        write(staged, "new");
        // Killed after "r -> .r.replaced-X" and before ".r.partial-X -> r":
        Files.move(r, home.resolve(".r.replaced-1"));
        Files.move(staged, home.resolve(".r.partial-1"));
        assertTrue(ResultFolder.recover(r).startsWith("finished switching in the new results"));
        assertEquals("new", Files.readString(r.resolve(ResultWriter.SUMMARY)));
        assertEquals(List.of("r"), Files.list(home).map(p -> p.getFileName().toString()).toList());

        // The new folder was not complete yet: the old one goes back.
        Files.move(r, home.resolve(".r.replaced-2"));
        Files.createDirectories(home.resolve(".r.partial-2"));
        Files.writeString(home.resolve(".r.partial-2").resolve(ResultWriter.SUMMARY), "half");
        assertTrue(ResultFolder.recover(r).startsWith("put the previous results back"));
        assertEquals("new", Files.readString(r.resolve(ResultWriter.SUMMARY)));
        assertNull(ResultFolder.recover(r), "nothing left to do");
    }

    @Test
    void foreignFilesAreNeverReplacedAndASecondWriterIsRefused(@TempDir Path home) throws Exception {
        Path r = home.resolve("r");
        Files.createDirectories(r);
        Files.writeString(r.resolve("notes.txt"), "mine");
        GeopinnException e = assertThrows(GeopinnException.class, () -> ResultFolder.requireReplaceable(r, "--out"));
        assertTrue(e.getMessage().contains("holds files that are not Geopinn results (notes.txt)"), e.getMessage());
        try (ResultLock lock = ResultLock.acquire(r, "--out")) {
            assertTrue(Files.isRegularFile(ResultLock.lockFile(r)));
            e = assertThrows(GeopinnException.class, () -> ResultLock.acquire(r, "--out"));
            assertTrue(e.getMessage().contains("is being written by another run in this host (pid " + ProcessHandle.current().pid()),
                    e.getMessage());
        }
        assertFalse(Files.exists(ResultLock.lockFile(r)));
        Files.writeString(ResultLock.lockFile(r), "pid 999999 since yesterday\n"); // left by a killed process
        try (ResultLock lock = ResultLock.acquire(r, "--out")) {
            assertEquals("pid 999999 since yesterday", lock.stale(), "a stale lock is taken over");
        }
    }

    @Test
    void repeatedOptionsAndNonBooleansAreErrorsAndLongTextIsCut() {
        List<String> args = List.of("p", "--steps", "1", "--steps", "2");
        GeopinnException e = assertThrows(GeopinnException.class, () -> Options.parse(args, SolveOptions.VALUED, SolveOptions.FLAGS));
        assertEquals("--steps is given twice ('1' and '2'); give it once", e.getMessage());
        Options o = Options.parse(List.of("--separate-networks", "maybe"), SolveOptions.VALUED, SolveOptions.FLAGS);
        e = assertThrows(GeopinnException.class, () -> o.bool("separate-networks"));
        assertEquals("--separate-networks: 'maybe' is not true or false", e.getMessage());
        String cut = Text.quote("x".repeat(100_000));
        assertEquals(200 + "… (100000 characters)".length(), cut.length());
    }
}
