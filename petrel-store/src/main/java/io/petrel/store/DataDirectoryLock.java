package io.petrel.store;

import io.petrel.api.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second server out of a data directory: an exclusive lock on {@code petrel.lock} in it, held for
 * the life of the server and released by the operating system when the process dies, even by {@code kill
 * -9}. The file holds the owner's process id, so that the refusal can name it.
 */
public final class DataDirectoryLock implements AutoCloseable {
    /** The lock file's name in the data directory. */
    public static final String FILE_NAME = "petrel.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a data directory, creating it if needed.
     *
     * @throws StoreException if another process, or another server in this one, holds it
     */
    public static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir, channel);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw new StoreException("data directory " + dataDir.toAbsolutePath()
                    + " is already in use by another Petrel server in this process");
        } catch (IOException e) {
            close(channel);
            throw new StoreException("cannot lock data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        } catch (StoreException e) {
            close(channel);
            throw e;
        }
    }

    private static StoreException inUse(Path dataDir, FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return new StoreException("data directory " + dataDir.toAbsolutePath() + " is in use by another Petrel "
                + "process" + (pid.isEmpty() ? "" : " (pid " + pid + ")")
                + ". Stop that process, or give this one another data-dir.");
    }

    private static void close(@org.jspecify.annotations.Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one to report.
            }
        }
    }

    /** Releases the lock. The file stays: deleting it would race with a server that is just taking it. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the data directory lock: " + e, e);
        }
    }
}
