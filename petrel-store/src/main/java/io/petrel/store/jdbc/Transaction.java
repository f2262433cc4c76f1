package io.petrel.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The writer's view of its connection, one group commit at a time. Consecutive writes with the same statement are sent as one JDBC batch;
 * a different statement, or a query, first sends what is pending, so that the database applies every write
 * in the order it was made. Prepared statements are kept for the life of the connection.
 */
public final class Transaction {
    /** Fills a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns a query's result into a value. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final MessageIds freed = new MessageIds();
    private final Set<Long> bodies = new HashSet<>();
    private @Nullable PreparedStatement batched;
    private int batchedRows;
    private @Nullable PreparedStatement bodyBatch;

    Transaction(Connection connection) {
        this.connection = connection;
    }

    /** Adds a write to the current JDBC batch, sending the batch first if it is for another statement. */
    public void write(String sql, Binder binder) throws SQLException {
        PreparedStatement statement = prepare(sql);
        if (batched != statement) {
            send();
            batched = statement;
        }
        binder.bind(statement);
        statement.addBatch();
        batchedRows++;
    }

    /**
     * Stores a message body once per transaction, in a JDBC batch of its own. Bodies may go out of order with
     * the other writes because nothing else in a transaction writes them: they are only read by queries and
     * dropped by {@link #finish}, and both send them first.
     */
    void writeBody(long messageId, Binder binder) throws SQLException {
        if (!bodies.add(messageId)) {
            return;
        }
        PreparedStatement statement = bodyBatch;
        if (statement == null) {
            statement = prepare(Sql.INSERT_MESSAGE);
            bodyBatch = statement;
        }
        binder.bind(statement);
        statement.addBatch();
    }

    /** Runs a query after sending every pending write. */
    public <T> T query(String sql, Binder binder, Reader<T> reader) throws SQLException {
        sendAll();
        PreparedStatement statement = prepare(sql);
        binder.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        }
    }

    /** Remembers a message whose body may no longer be needed once this transaction's writes are applied. */
    void mayFree(long messageId) {
        freed.add(messageId);
    }

    /** Sends the pending writes, then drops the bodies they freed. */
    void finish() throws SQLException {
        sendAll();
        bodies.clear();
        if (freed.size() > 0) {
            for (int i = 0; i < freed.size(); i++) {
                long id = freed.get(i);
                write(Sql.DELETE_UNUSED_MESSAGE, s -> {
                    s.setLong(1, id);
                    s.setLong(2, id);
                });
            }
            freed.clear();
            send();
        }
    }

    /** Forgets what the failed attempt left pending, so that the transaction can be retried from scratch. */
    void reset() throws SQLException {
        if (batched != null) {
            batched.clearBatch();
            batched = null;
        }
        if (bodyBatch != null) {
            bodyBatch.clearBatch();
            bodyBatch = null;
        }
        batchedRows = 0;
        freed.clear();
        bodies.clear();
    }

    Connection connection() {
        return connection;
    }

    void closeStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The connection is being dropped; nothing more to release.
            }
        }
        statements.clear();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private void sendAll() throws SQLException {
        if (bodyBatch != null) {
            PreparedStatement statement = bodyBatch;
            bodyBatch = null;
            statement.executeBatch();
        }
        send();
    }

    private void send() throws SQLException {
        if (batched != null && batchedRows > 0) {
            PreparedStatement statement = batched;
            batched = null;
            batchedRows = 0;
            statement.executeBatch();
        }
        batched = null;
    }
}
