package backstop.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides the two real databases for {@link BothDatabases}: nothing in memory, nothing mocked. */
public final class TestDatabases implements TestTemplateInvocationContextProvider {
    private static final String DEFAULT_POSTGRES = "postgresql://127.0.0.1:5432/test?user=postgres";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation(DatabaseUrl.Kind.SQLITE), invocation(DatabaseUrl.Kind.POSTGRESQL));
    }

    /** A fresh, migrated database of the given kind; the caller closes it with {@link Fresh#close()}. */
    public static Fresh fresh(DatabaseUrl.Kind kind) {
        try {
            if (kind == DatabaseUrl.Kind.SQLITE) {
                Path folder = Files.createTempDirectory("backstop-test");
                Database database = Database.open(DatabaseUrl.sqlite(folder.resolve("backstop.db")));
                database.migrate();
                return new Fresh(database, () -> deleteTree(folder));
            }
            String base = System.getProperty("backstop.test.postgres", DEFAULT_POSTGRES);
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String jdbc = DatabaseUrl.parse(base).jdbcUrl();
            execute(jdbc, "CREATE SCHEMA " + schema);
            String separator = jdbc.contains("?") ? "&" : "?";
            Database database = Database.open(new DatabaseUrl(
                    DatabaseUrl.Kind.POSTGRESQL,
                    jdbc + separator + "currentSchema=" + schema,
                    "postgresql test schema " + schema));
            database.migrate();
            return new Fresh(database, () -> execute(jdbc, "DROP SCHEMA " + schema + " CASCADE"));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "could not prepare a test database of kind " + kind + " (is PostgreSQL running? see README)", e);
        }
    }

    /** A database made for one test, and how to remove it afterwards. */
    public record Fresh(Database database, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            try {
                cleanup.run();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("could not clean up a test database", e);
            }
        }
    }

    /** Cleanup that may touch files or the server. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws IOException, SQLException;
    }

    private static TestTemplateInvocationContext invocation(DatabaseUrl.Kind kind) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return kind.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Provider(kind));
            }
        };
    }

    private static final class Provider implements ParameterResolver, AfterEachCallback {
        private final DatabaseUrl.Kind kind;
        private Fresh fresh;

        Provider(DatabaseUrl.Kind kind) {
            this.kind = kind;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Database.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            fresh = fresh(kind);
            return fresh.database();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (fresh != null) {
                fresh.close();
            }
        }
    }

    private static void execute(String jdbc, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
