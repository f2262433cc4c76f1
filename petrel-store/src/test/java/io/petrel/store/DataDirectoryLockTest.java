package io.petrel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServerInTheSameProcessIsRefused() {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dir)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already in use by another Petrel server in this process");
        }
        DataDirectoryLock.acquire(dir).close();
    }

    @Test
    void anotherProcessIsRefusedWithItsPidAndTheLockGoesWithTheProcess() throws Exception {
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> DataDirectoryLock.acquire(dir)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another Petrel process (pid " + holder.pid() + ")")
                    .hasMessageContaining("another data-dir");
        } finally {
            // SIGKILL: the operating system releases the lock without the holder's help.
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        DataDirectoryLock.acquire(dir).close();
    }

    /** Holds the lock of the directory in args[0] until killed or its input ends. */
    public static final class LockHolder {
        public static void main(String[] args) throws IOException {
            DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            System.in.read();
            lock.close();
        }
    }
}
