package backstop.db;

import backstop.error.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives, as the person typed it: {@code sqlite:PATH} for the embedded default or a
 * {@code postgresql://host:port/db?user=..&password=..} URL for a clinic server.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String display) {
    public enum Kind {
        SQLITE,
        POSTGRESQL
    }

    public DatabaseUrl {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(display, "display");
    }

    public static DatabaseUrl parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("sqlite:")) {
            String path = value.substring("sqlite:".length());
            if (path.isBlank()) {
                throw new BadInputException("--db", "sqlite: needs a file path, e.g. sqlite:data/backstop.db");
            }
            return sqlite(Path.of(path));
        }
        if (value.startsWith("postgresql://") || value.startsWith("postgres://")) {
            try {
                URI uri = new URI(value);
                if (uri.getHost() == null
                        || uri.getPath() == null
                        || uri.getPath().length() < 2) {
                    throw new BadInputException(
                            "--db",
                            "a PostgreSQL URL needs a host and a database name,"
                                    + " e.g. postgresql://127.0.0.1:5432/backstop?user=backstop");
                }
                String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query;
                return new DatabaseUrl(Kind.POSTGRESQL, jdbc, "postgresql://" + uri.getHost() + port + uri.getPath());
            } catch (URISyntaxException e) {
                throw new BadInputException("--db", "not a valid PostgreSQL URL: " + e.getReason());
            }
        }
        throw new BadInputException("--db", "use sqlite:PATH or postgresql://host:port/database, not '" + value + "'");
    }

    public static DatabaseUrl sqlite(Path file) {
        return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + file, "sqlite:" + file);
    }

    /** The file an embedded database lives in; empty for a server database. */
    public java.util.Optional<Path> sqliteFile() {
        return kind == Kind.SQLITE
                ? java.util.Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))
                : java.util.Optional.empty();
    }
}
