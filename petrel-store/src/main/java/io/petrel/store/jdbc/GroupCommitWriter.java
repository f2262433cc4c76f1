package io.petrel.store.jdbc;

import io.petrel.api.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the database. Callers on any thread submit work and get a future. The thread
 * takes everything that arrived while it was busy, runs it in submission order in one transaction, commits
 * once, and then completes the futures, on this thread. Under load a commit therefore carries many writes
 * (group commit); when idle, a single write is committed at once, without waiting for company.
 *
 * <p>A batch that fails is rolled back and its work run again one unit per transaction, so that only the
 * failing unit's future fails. When the connection itself is gone, the writer opens a new one for the next
 * batch.
 *
 * <p>The queue is bounded: past {@code capacity} waiting units, new work fails at once with a {@link
 * StoreException} instead of growing the heap without limit.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final String name;
    private final ConnectionSource connections;
    private final int maxBatch;
    private final int capacity;
    private final ConcurrentLinkedQueue<Unit<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean parked = new AtomicBoolean();
    private final Thread thread;
    private final WriterStats stats = new WriterStats();
    private volatile boolean closing;
    private @Nullable Transaction transaction;

    /**
     * Starts the writer thread.
     *
     * @param name names the thread and the store in messages
     * @param connections where connections come from
     * @param maxBatch the most units committed in one transaction
     * @param capacity the most units waiting before new work is refused
     */
    public GroupCommitWriter(String name, ConnectionSource connections, int maxBatch, int capacity) {
        this.name = name;
        this.connections = connections;
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().name("petrel-store-writer").daemon(true).unstarted(this::loop);
        thread.start();
    }

    /** Queues work; the future completes on the writer thread after the commit that includes it. */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        Unit<T> unit = new Unit<>(work);
        if (closing) {
            unit.future.completeExceptionally(new StoreException(name + " is closed"));
            return unit.future;
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            stats.countRefusal();
            unit.future.completeExceptionally(new StoreException(name + " is overloaded: " + capacity
                    + " writes are waiting for the database"));
            return unit.future;
        }
        queue.add(unit);
        if (parked.get() && parked.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
        return unit.future;
    }

    /** Counters of what the writer has done. */
    public WriterStats stats() {
        return stats;
    }

    /** Units waiting for the writer. */
    public int waiting() {
        return waiting.get();
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Unit<?> unit;
            while (batch.size() < maxBatch && (unit = queue.poll()) != null) {
                batch.add(unit);
            }
            if (!batch.isEmpty()) {
                waiting.addAndGet(-batch.size());
                commit(batch);
                batch.clear();
            } else if (closing) {
                break;
            } else {
                parked.set(true);
                if (queue.isEmpty() && !closing) {
                    LockSupport.park(this);
                }
                parked.set(false);
            }
        }
        dropConnection();
        Unit<?> late;
        while ((late = queue.poll()) != null) {
            late.fail(new StoreException(name + " is closed"), name);
        }
    }

    private void commit(List<Unit<?>> batch) {
        long started = System.nanoTime();
        Transaction tx;
        try {
            tx = transaction();
        } catch (SQLException e) {
            // Retrying one by one would only wait for the same unreachable database again.
            LOG.warn("{}: cannot connect: {}", name, e.toString());
            for (Unit<?> unit : batch) {
                unit.fail(e, name);
                stats.countFailure();
            }
            return;
        }
        try {
            for (Unit<?> unit : batch) {
                unit.run(tx);
            }
            tx.finish();
            tx.connection().commit();
            stats.committed(batch.size(), System.nanoTime() - started);
            for (Unit<?> unit : batch) {
                unit.complete();
            }
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (batch.size() == 1) {
                batch.get(0).fail(e, name);
                stats.countFailure();
            } else {
                LOG.debug("{}: batch of {} failed, retrying one by one", name, batch.size(), e);
                for (Unit<?> unit : batch) {
                    commit(List.of(unit));
                }
            }
        }
    }

    private Transaction transaction() throws SQLException {
        Transaction tx = transaction;
        if (tx == null) {
            Connection connection = connections.open();
            tx = new Transaction(connection);
            transaction = tx;
        }
        return tx;
    }

    private void rollback() {
        Transaction tx = transaction;
        if (tx == null) {
            return;
        }
        try {
            tx.reset();
            tx.connection().rollback();
            if (!tx.connection().isValid(5)) {
                LOG.warn("{}: connection lost; reconnecting for the next batch", name);
                dropConnection();
            }
        } catch (SQLException e) {
            LOG.warn("{}: rollback failed; reconnecting for the next batch: {}", name, e.toString());
            dropConnection();
        }
    }

    private void dropConnection() {
        Transaction tx = transaction;
        transaction = null;
        if (tx != null) {
            tx.closeStatements();
            try {
                tx.connection().close();
            } catch (SQLException e) {
                LOG.debug("{}: closing the connection failed", name, e);
            }
        }
    }

    /** Commits what is queued, stops the thread and closes the connection. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Work with its future and, once run, its result. */
    private static final class Unit<T> {
        final Work<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        @Nullable T result;

        Unit(Work<T> work) {
            this.work = work;
        }

        void run(Transaction tx) throws SQLException {
            result = work.run(tx);
        }

        void complete() {
            future.complete(result);
        }

        void fail(Exception e, String store) {
            future.completeExceptionally(e instanceof StoreException se ? se
                    : new StoreException(store + ": write failed: " + e.getMessage(), e));
        }
    }
}
