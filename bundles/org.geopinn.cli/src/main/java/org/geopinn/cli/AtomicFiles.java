package org.geopinn.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.geopinn.api.GeopinnException;

/**
 * Writes result files so that a crash never leaves a half-written file under the final name:
 * write to a temporary file in the same folder, force it to disk, then rename it over the target.
 */
final class AtomicFiles {
    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    interface Content {
        /** @param out the stream (not closed by the writer) @throws IOException on failure */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to a path (for libraries that only write to paths). */
    @FunctionalInterface
    interface PathContent {
        /** @param path the temporary file to fill @throws IOException on failure */
        void writeTo(Path path) throws IOException;
    }

    private AtomicFiles() {
    }

    /** The file system refused a write (full disk, no permission …): results cannot be complete. */
    static final class WriteFailed extends GeopinnException {
        private static final long serialVersionUID = 1L;

        WriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param target the final file
     * @param text its content, UTF-8
     */
    static void writeText(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param target the final file
     * @param content what to write
     * @throws GeopinnException if it cannot be written
     */
    static void write(Path target, Content content) {
        writePath(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * @param target the final file
     * @param content fills a temporary file
     * @throws GeopinnException if it cannot be written
     */
    static void writePath(Path target, PathContent content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            content.writeTo(tmp);
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new WriteFailed("cannot write " + target + ": " + reason(e), e);
        } catch (RuntimeException e) {
            throw new GeopinnException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray .tmp file is not mistaken for a result
                }
            }
        }
    }

    /**
     * @param e an I/O failure
     * @return a readable reason: the message, or what the exception class means when it has none
     */
    static String reason(Throwable e) {
        if (e instanceof java.io.EOFException) {
            return "the file ends early (it is truncated)";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Temporary files are created private; results are ordinary files that others may read. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Makes sure a folder exists and accepts files.
     *
     * @param dir the folder
     * @throws GeopinnException (one line) if it cannot be created or written
     */
    static void requireWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new GeopinnException("cannot write to the output directory " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
