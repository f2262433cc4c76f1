package io.petrel.store.jdbc;

import io.petrel.api.Message;
import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.DeliveryStage;
import io.petrel.api.store.PendingWill;
import io.petrel.api.store.QueuedMessage;
import io.petrel.api.store.StoreException;
import io.petrel.api.store.StoredSubscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A store on a SQL database. Every write and queue read goes through the {@link GroupCommitWriter}, in the
 * order it was made; loading and checking read on separate connections. Subclasses say how to connect and
 * what the database's own integrity check is.
 */
public abstract class JdbcBrokerStore implements BrokerStore {
    private static final DeliveryStage[] STAGES = DeliveryStage.values();

    private final String description;
    private final GroupCommitWriter writer;
    private final ConnectionSource readers;

    protected JdbcBrokerStore(String description, GroupCommitWriter writer, ConnectionSource readers) {
        this.description = description;
        this.writer = writer;
        this.readers = readers;
    }

    /** The writer's counters, for metrics and benchmarks. */
    public WriterStats writerStats() {
        return writer.stats();
    }

    /** Writes waiting for the writer thread. */
    public int pendingWrites() {
        return writer.waiting();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void loadSessions(Consumer<io.petrel.api.store.StoredSession> sink) {
        read(connection -> {
            SessionLoader.load(connection, sink);
            return null;
        });
    }

    @Override
    public void loadRetained(Consumer<Message> sink) {
        read(connection -> {
            StateReads.retained(connection, sink);
            return null;
        });
    }

    @Override
    public void loadWills(Consumer<PendingWill> sink) {
        read(connection -> {
            StateReads.wills(connection, sink);
            return null;
        });
    }

    @Override
    public long lastMessageId() {
        return read(StateReads::lastMessageId);
    }

    @Override
    public CompletionStage<Void> saveSession(String clientId, long expiryIntervalSeconds, long disconnectedAtMillis) {
        return write(tx -> tx.write(Sql.SAVE_SESSION, s -> {
            s.setString(1, clientId);
            s.setLong(2, expiryIntervalSeconds);
            s.setLong(3, disconnectedAtMillis);
        }));
    }

    @Override
    public CompletionStage<Void> deleteSession(String clientId) {
        return write(tx -> {
            tx.query(Sql.SESSION_MESSAGE_IDS, s -> s.setString(1, clientId), rows -> {
                while (rows.next()) {
                    tx.mayFree(rows.getLong(1));
                }
                return null;
            });
            for (String sql : List.of(Sql.DELETE_SESSION_QUEUE, Sql.DELETE_SESSION_SUBSCRIPTIONS,
                    Sql.DELETE_SESSION_QOS2, Sql.DELETE_WILL, Sql.DELETE_SESSION)) {
                tx.write(sql, s -> s.setString(1, clientId));
            }
        });
    }

    @Override
    public CompletionStage<Void> saveSubscription(String clientId, StoredSubscription subscription) {
        return write(tx -> tx.write(Sql.SAVE_SUBSCRIPTION, s -> {
            s.setString(1, clientId);
            s.setString(2, subscription.filter());
            s.setInt(3, subscription.qos());
            s.setInt(4, subscription.noLocal() ? 1 : 0);
            s.setInt(5, subscription.retainAsPublished() ? 1 : 0);
            s.setInt(6, subscription.retainHandling());
            s.setInt(7, subscription.subscriptionId());
        }));
    }

    @Override
    public CompletionStage<Void> deleteSubscription(String clientId, String filter) {
        return write(tx -> tx.write(Sql.DELETE_SUBSCRIPTION, s -> {
            s.setString(1, clientId);
            s.setString(2, filter);
        }));
    }

    @Override
    public CompletionStage<Void> enqueue(String clientId, QueuedMessage queued) {
        return write(tx -> {
            tx.writeBody(queued.messageId(), s -> {
                s.setLong(1, queued.messageId());
                Rows.bindMessage(s, 2, queued.message());
            });
            tx.write(Sql.INSERT_QUEUED, s -> {
                s.setString(1, clientId);
                s.setLong(2, queued.sequence());
                s.setLong(3, queued.messageId());
                s.setInt(4, queued.qos());
                s.setInt(5, queued.retain() ? 1 : 0);
                Rows.setBytes(s, 6, Codec.ids(queued.subscriptionIds()));
                s.setInt(7, queued.packetId());
                s.setInt(8, queued.stage().ordinal());
            });
        });
    }

    @Override
    public CompletionStage<Void> updateDelivery(String clientId, long sequence, int packetId, DeliveryStage stage) {
        return write(tx -> tx.write(Sql.UPDATE_DELIVERY, s -> {
            s.setInt(1, packetId);
            s.setInt(2, stage.ordinal());
            s.setString(3, clientId);
            s.setLong(4, sequence);
        }));
    }

    @Override
    public CompletionStage<Void> removeDelivery(String clientId, long sequence, long messageId) {
        return write(tx -> {
            tx.write(Sql.DELETE_QUEUED, s -> {
                s.setString(1, clientId);
                s.setLong(2, sequence);
            });
            tx.mayFree(messageId);
        });
    }

    @Override
    public CompletionStage<List<QueuedMessage>> readQueue(String clientId, long afterSequence, int limit) {
        return writer.submit(tx -> tx.query(Sql.READ_QUEUE, s -> {
            s.setString(1, clientId);
            s.setLong(2, afterSequence);
            s.setInt(3, limit);
        }, rows -> {
            List<QueuedMessage> page = new ArrayList<>();
            while (rows.next()) {
                page.add(new QueuedMessage(rows.getLong(1), rows.getLong(2), Rows.message(rows, 8), rows.getInt(3),
                        rows.getInt(4) != 0, Codec.ids(rows.getBytes(5)), rows.getInt(6), STAGES[rows.getInt(7)]));
            }
            return page;
        }));
    }

    @Override
    public CompletionStage<Void> addInboundQos2(String clientId, int packetId) {
        return write(tx -> tx.write(Sql.ADD_QOS2, s -> {
            s.setString(1, clientId);
            s.setInt(2, packetId);
        }));
    }

    @Override
    public CompletionStage<Void> removeInboundQos2(String clientId, int packetId) {
        return write(tx -> tx.write(Sql.REMOVE_QOS2, s -> {
            s.setString(1, clientId);
            s.setInt(2, packetId);
        }));
    }

    @Override
    public CompletionStage<Void> putRetained(Message message) {
        return write(tx -> tx.write(Sql.PUT_RETAINED, s -> {
            s.setString(1, message.topic());
            s.setBytes(2, message.payload());
            s.setInt(3, message.qos().value());
            Rows.setBytes(s, 4, Codec.properties(message.properties()));
            s.setLong(5, message.expiresAtMillis());
            s.setString(6, message.publisherId());
        }));
    }

    @Override
    public CompletionStage<Void> removeRetained(String topic) {
        return write(tx -> tx.write(Sql.REMOVE_RETAINED, s -> s.setString(1, topic)));
    }

    @Override
    public CompletionStage<Void> saveWill(PendingWill will) {
        return write(tx -> tx.write(Sql.SAVE_WILL, s -> {
            s.setString(1, will.clientId());
            int next = Rows.bindMessage(s, 2, will.message());
            s.setLong(next, will.publishAtMillis());
        }));
    }

    @Override
    public CompletionStage<Void> deleteWill(String clientId) {
        return write(tx -> tx.write(Sql.DELETE_WILL, s -> s.setString(1, clientId)));
    }

    @Override
    public CompletionStage<Void> flush() {
        return write(tx -> { });
    }

    @Override
    public List<String> check() {
        return read(connection -> {
            List<String> problems = new ArrayList<>(engineCheck(connection));
            problems.addAll(Invariants.check(connection));
            return problems;
        });
    }

    /** The database's own integrity check: its complaints, or nothing. */
    protected abstract List<String> engineCheck(Connection connection) throws SQLException;

    /** Releases what the subclass holds once the writer has stopped: a pool, a file. */
    protected abstract void release();

    @Override
    public void close() {
        writer.close();
        release();
    }

    private CompletableFuture<Void> write(WriteWork work) {
        return writer.submit(tx -> {
            work.run(tx);
            return null;
        });
    }

    private <T> T read(ConnectionWork<T> work) {
        try (Connection connection = readers.open()) {
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException(description + ": read failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface WriteWork {
        void run(Transaction tx) throws SQLException;
    }

    /** A read on its own connection, inside one transaction so that it sees one snapshot. */
    @FunctionalInterface
    protected interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
