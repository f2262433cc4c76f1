package io.petrel.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file read into memory and read again when it changes, so that {@code petrel passwd} or {@code petrel token
 * revoke} take effect on a running server. {@link #reloadIfChanged()} runs from one background timer, never on
 * an event loop; {@link #get()} only reads a volatile field. A file that fails to parse keeps the last good
 * content.
 *
 * @param <T> what the file parses into
 */
public final class WatchedFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    /** Reads a file's content. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path path) throws IOException;
    }

    private final Path path;
    private final Reader<T> reader;
    private volatile T value;
    private volatile Object stamp;

    /**
     * Reads the file now; fails if it cannot be read or parsed, since a broken security file at startup must
     * stop the server.
     */
    public WatchedFile(Path path, Reader<T> reader) throws IOException {
        this.path = path;
        this.reader = reader;
        this.stamp = stampOf(path);
        this.value = reader.read(path);
    }

    /** The content as last read. */
    public T get() {
        return value;
    }

    /** Reads the file again if it changed; returns whether it did. */
    public synchronized boolean reloadIfChanged() {
        Object current;
        try {
            current = stampOf(path);
        } catch (IOException e) {
            LOG.warn("cannot check {}: {}", path, e.toString());
            return false;
        }
        if (Objects.equals(current, stamp)) {
            return false;
        }
        try {
            value = reader.read(path);
            stamp = current;
            LOG.info("reloaded {}", path);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("keeping the previous content of {}: {}", path, e.toString());
            return false;
        }
    }

    private static Object stampOf(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.lastModifiedTime().toMillis() + ":" + attributes.size() + ":" + attributes.fileKey();
        } catch (NoSuchFileException e) {
            return "missing";
        }
    }

    public Path path() {
        return path;
    }
}
