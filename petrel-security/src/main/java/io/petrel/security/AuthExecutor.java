package io.petrel.security;

import io.petrel.api.auth.AuthResult;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that do authentication's slow work (password hashing, signature checks, file reloads) so that
 * event loops never wait on it. Its queue is bounded: when a flood of CONNECTs fills it, further attempts are
 * refused at once with "server unavailable" instead of piling up.
 */
public final class AuthExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuthExecutor.class);

    private final ThreadPoolExecutor pool;

    /**
     * @param threads how many checks run at once
     * @param queueCapacity how many wait beyond those
     */
    public AuthExecutor(int threads, int queueCapacity) {
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "petrel-auth-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs a check off the caller's thread; a full queue or a failing check refuses the connection. */
    public CompletionStage<AuthResult> submit(Supplier<AuthResult> check) {
        CompletableFuture<AuthResult> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(check.get());
                } catch (RuntimeException e) {
                    LOG.warn("authentication check failed", e);
                    result.complete(AuthResult.refuse(AuthResult.Refusal.SERVER_UNAVAILABLE, e.toString()));
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(AuthResult.refuse(AuthResult.Refusal.SERVER_UNAVAILABLE, "authentication queue full"));
        }
        return result;
    }

    /** Checks waiting for a thread; for metrics. */
    public int queued() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
