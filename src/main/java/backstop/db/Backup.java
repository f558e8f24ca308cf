package backstop.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backups while Backstop serves, and restores while it does not. SQLite: the online backup API (a consistent copy
 * page by page, while writers go on). PostgreSQL: {@code pg_dump} in its custom format and {@code pg_restore}
 * (Debian's {@code postgresql-client}), with the connection taken from the Backstop URL.
 */
public final class Backup {
    private Backup() {}

    public static void backup(Database database, Path out) {
        Path target = out.toAbsolutePath();
        createParent(target);
        switch (database.url().kind()) {
            case SQLITE -> {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot replace " + target, e);
                }
                database.withHandle(handle -> {
                    try (Statement statement = handle.getConnection().createStatement()) {
                        // sqlite-jdbc's statement for sqlite3_backup_*: reads a consistent snapshot, writers go on.
                        statement.executeUpdate("backup to " + quoted(target));
                        return null;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("the SQLite backup failed: " + e.getMessage(), e);
                    }
                });
            }
            case POSTGRESQL -> {
                List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner"));
                command.addAll(connection(database.url()));
                command.add("--file=" + target);
                run(command);
            }
        }
    }

    /** Replaces the database's contents with a backup's. Stop every server on the database first. */
    public static void restore(DatabaseUrl url, Path in) {
        Path source = in.toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new backstop.error.BadInputException("FILE", "no backup file at " + source);
        }
        switch (url.kind()) {
            case SQLITE -> {
                Path file = url.sqliteFile().orElseThrow().toAbsolutePath();
                createParent(file);
                try (Database database = Database.open(url)) {
                    database.withHandle(handle -> {
                        try (Statement statement = handle.getConnection().createStatement()) {
                            statement.executeUpdate("restore from " + quoted(source));
                            return null;
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException("the SQLite restore failed: " + e.getMessage(), e);
                        }
                    });
                }
            }
            case POSTGRESQL -> {
                List<String> command = new ArrayList<>(
                        List.of("pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error"));
                command.addAll(connection(url));
                command.add(source.toString());
                run(command);
            }
        }
    }

    /** pg_dump/pg_restore options from a Backstop PostgreSQL URL; the password goes by environment, not argument. */
    static List<String> connection(DatabaseUrl url) {
        URI uri = URI.create(url.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(
                        parts[0],
                        parts.length > 1
                                ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8)
                                : "");
            }
        }
        List<String> options = new ArrayList<>();
        options.add("--host=" + uri.getHost());
        if (uri.getPort() > 0) {
            options.add("--port=" + uri.getPort());
        }
        if (query.containsKey("user")) {
            options.add("--username=" + query.get("user"));
        }
        options.add("--dbname=" + uri.getPath().substring(1));
        if (query.containsKey("currentSchema")) {
            options.add("--schema=" + query.get("currentSchema"));
        }
        return options;
    }

    private static void run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + code + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    command.get(0) + " could not be started; install Debian's postgresql-client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + parent, e);
        }
    }
}
