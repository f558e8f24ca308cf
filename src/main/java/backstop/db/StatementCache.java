package backstop.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each SQLite connection's prepared statements for the next use of the same SQL. SQLite compiles a statement,
 * with every trigger it fires, on each prepare; for a diary write that cost the writer thread more than running the
 * statements did (docs/performance.md, "Write path"). The statements are prepared on the pool's physical connection,
 * so they outlive the pooled handle that first used them; a statement in use is lent out, so the same SQL run again
 * while the first is still open (a query inside another's row mapper) gets a fresh statement of its own. A statement
 * goes back under the SQL it was prepared from: Jdbi hands {@code create} the parsed SQL ({@code ?} for each
 * {@code :name}) but {@code close} the text as written, and keying by the latter missed every statement with
 * parameters.
 */
final class StatementCache implements StatementBuilderFactory {
    /** Statements kept per connection; the app has fewer distinct statements on its hot paths than this. */
    static final int PER_CONNECTION = 128;

    private final Map<Connection, Statements> byConnection = new IdentityHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection pooled) {
        try {
            Connection physical = pooled.unwrap(Connection.class);
            return new Builder(physical, statementsOf(physical));
        } catch (SQLException notWrapped) {
            return new DefaultStatementBuilder();
        }
    }

    /**
     * The connection's statements. A new connection is usually the pool replacing a retired one, so that is when
     * the statements of closed connections are dropped (a statement holds its connection, so nothing weaker would).
     */
    private synchronized Statements statementsOf(Connection physical) throws SQLException {
        Statements statements = byConnection.get(physical);
        if (statements == null) {
            for (var entries = byConnection.keySet().iterator(); entries.hasNext(); ) {
                if (entries.next().isClosed()) {
                    entries.remove();
                }
            }
            statements = new Statements();
            byConnection.put(physical, statements);
        }
        return statements;
    }

    /**
     * One connection's statements: idle ones by SQL, least recently used first, and those lent out now with the SQL
     * they were prepared from.
     */
    private static final class Statements {
        private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true);
        private final Map<Statement, String> lent = new IdentityHashMap<>();

        synchronized PreparedStatement take(Connection physical, String sql) throws SQLException {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            }
            lent.put(statement, sql);
            return statement;
        }

        /** False when {@code statement} is not one of ours (the caller closes it). */
        synchronized boolean giveBack(Statement statement) throws SQLException {
            String sql = lent.remove(statement);
            if (sql == null) {
                return false;
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                prepared.clearParameters();
                prepared.clearBatch();
            } catch (SQLException broken) {
                prepared.close();
                return true;
            }
            PreparedStatement displaced = idle.put(sql, prepared);
            if (displaced != null) {
                displaced.close();
            }
            if (idle.size() > PER_CONNECTION) {
                var eldest = idle.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
            return true;
        }
    }

    /** Jdbi's builder for one handle: plain prepared statements come from the cache, anything else as usual. */
    private static final class Builder extends DefaultStatementBuilder {
        private final Connection physical;
        private final Statements statements;

        Builder(Connection physical, Statements statements) {
            this.physical = physical;
            this.statements = statements;
        }

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext context)
                throws SQLException {
            if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
                return super.create(connection, sql, context);
            }
            return statements.take(physical, sql);
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            if (statement != null && !statements.giveBack(statement)) {
                super.close(connection, sql, statement);
            }
        }
    }
}
