package org.geopinn.evolution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file as a whole: the content goes into a temporary file beside it, which is then
 * renamed over it, so that a process killed at any moment leaves either the old file or the new
 * one, never a part.
 */
final class AtomicReplace {
    /** Writes a file's content. */
    @FunctionalInterface
    interface Content {
        /** @param file the (temporary) file to write @throws IOException if it cannot be written */
        void writeTo(Path file) throws IOException;
    }

    private AtomicReplace() {
    }

    /**
     * @param file the file to replace (its folder is created)
     * @param content writes the new content
     * @throws IOException if it cannot be written; the file is then unchanged
     */
    static void replace(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            content.writeTo(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
