package org.geopinn.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.GeopinnException;

/**
 * The one writer of a results folder: an operating-system lock ({@link FileChannel#tryLock}) on
 * the file {@code .NAME.lock} beside the folder {@code NAME}. A second writer is refused at once
 * with one line naming the holder. The operating system drops the lock when its process ends in
 * any way, {@code kill -9} included, so a lock file left by a dead process is simply taken over
 * (the holder it names is reported as stale). The file lives beside the folder because the
 * folder itself is replaced when results are written (see {@link ResultFolder}).
 */
final class ResultLock implements AutoCloseable {
    /** Locks this process holds, by folder: a second writer inside one host is refused too. */
    private static final Map<Path, ResultLock> HELD = new ConcurrentHashMap<>();

    private final Path folder;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String stale;
    private final String holder;

    private ResultLock(Path folder, Path file, FileChannel channel, FileLock lock, String stale, String holder) {
        this.folder = folder;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.stale = stale;
        this.holder = holder;
    }

    /**
     * @param folder a results folder (need not exist)
     * @return its lock file
     */
    static Path lockFile(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        return f.resolveSibling("." + f.getFileName() + ".lock");
    }

    /**
     * Takes the lock of a results folder.
     *
     * @param folder the folder (need not exist; its parent is created)
     * @param option how the folder was given, for the message (e.g. {@code --out})
     * @return the lock, to be closed when the writing is done
     * @throws GeopinnException (one line) if another writer holds it or the lock file cannot be made
     */
    static ResultLock acquire(Path folder, String option) {
        Path target = folder.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new GeopinnException(option + " " + target + ": a results folder cannot be the root of the file system");
        }
        ResultLock mine = HELD.get(target);
        if (mine != null) {
            throw new GeopinnException(option + " " + target + " is being written by another run in this host (" + mine.holder
                    + "); wait for it to end or choose another folder");
        }
        Path file = lockFile(target);
        for (int attempt = 0; attempt < 10; attempt++) {
            FileChannel ch = null;
            try {
                Files.createDirectories(target.getParent());
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Object key = fileKey(file);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    String other = read(ch);
                    ch.close();
                    throw new GeopinnException(option + " " + target + " is being written by another Geopinn run ("
                            + (other.isBlank() ? "lock file " + file : other) + "); wait for it to end or choose another folder");
                }
                if (key == null || !Objects.equals(key, fileKey(file))) {
                    // The previous holder deleted the file between our open and our lock: lock the new one.
                    l.release();
                    ch.close();
                    continue;
                }
                String previous = read(ch).trim();
                String holder = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(true);
                ResultLock lock = new ResultLock(target, file, ch, l, previous.isEmpty() ? null : previous, holder);
                HELD.put(target, lock);
                return lock;
            } catch (IOException | RuntimeException e) {
                if (e instanceof GeopinnException g) {
                    throw g;
                }
                closeQuietly(ch);
                throw new GeopinnException("cannot write to the output directory " + target + " (cannot lock " + file + ": "
                        + AtomicFiles.reason(e) + ")");
            }
        }
        throw new GeopinnException("cannot lock " + file + ": it keeps being replaced by other processes");
    }

    /** @return the holder a lock file still named when this process took it over (its process had died), or null */
    String stale() {
        return stale;
    }

    /** @return the locked folder */
    Path folder() {
        return folder;
    }

    /** Removes the lock file (while still holding the lock, so no one locks a deleted file unnoticed) and releases it. */
    @Override
    public void close() {
        if (HELD.remove(folder, this)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale lock file is taken over by the next writer
            }
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads through the lock's own channel: opening the file a second time and closing it would drop a POSIX lock. */
    private static String read(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 4096);
        ByteBuffer b = ByteBuffer.allocate((int) size);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
