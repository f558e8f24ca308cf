package backstop.db;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Whether Flyway's history already records exactly the migrations the build holds, each applied successfully with
 * the same checksum. Then starting Flyway (configuration, a class-path scan, validation: about 300 ms of a start)
 * would find nothing to do, and one query on the history table says so instead. Anything else (no history yet, a
 * new, changed, missing or failed migration, a file that is not a plain versioned SQL migration) is left to Flyway,
 * which migrates or refuses with its own validation error exactly as before.
 */
final class SchemaHistory {
    /** One migration as Flyway records it: {@code V10__care_links.sql} is version {@code 10}. */
    record Migration(String version, String script, int checksum) {}

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]+\\.sql");

    private SchemaHistory() {}

    /** True when the database's history is exactly the migrations {@code classLoader} holds, all applied. */
    static boolean isCurrent(Database database, ClassLoader classLoader) {
        Optional<Set<Migration>> inBuild = inBuild(classLoader, database.migrationFolders());
        if (inBuild.isEmpty()) {
            return false;
        }
        Optional<List<Migration>> applied = applied(database);
        return applied.isPresent()
                && applied.get().size() == inBuild.get().size()
                && new HashSet<>(applied.get()).equals(inBuild.get());
    }

    /**
     * The versioned SQL migrations in {@code folders}; empty if any file there is something else, or a folder is on
     * the class path twice (Flyway reads every copy; the listing reads one).
     */
    static Optional<Set<Migration>> inBuild(ClassLoader classLoader, List<String> folders) {
        Optional<MigrationFiles> files = MigrationFiles.in(classLoader, folders);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Set<Migration> migrations = new HashSet<>();
        for (MigrationFiles.Script script : files.get().scripts()) {
            Matcher versioned = VERSIONED.matcher(script.getFilename());
            if (!versioned.matches()) {
                return Optional.empty();
            }
            migrations.add(new Migration(
                    versioned.group(1).replace('_', '.'), script.getFilename(), checksum(script.content())));
        }
        return Optional.of(migrations);
    }

    /**
     * The migrations recorded as applied; empty when there is no history table, or when a row is anything but a
     * successful versioned SQL migration (a failed one, a baseline, a schema Flyway created).
     */
    private static Optional<List<Migration>> applied(Database database) {
        List<Row> rows;
        try {
            rows = database.withHandle(handle -> handle.createQuery(
                            "SELECT version, script, checksum, type, success FROM flyway_schema_history")
                    .map((result, context) -> new Row(
                            result.getString("version"),
                            result.getString("script"),
                            result.getObject("checksum", Integer.class),
                            result.getString("type"),
                            result.getBoolean("success")))
                    .list());
        } catch (RuntimeException noHistoryYet) {
            return Optional.empty();
        }
        if (!rows.stream().allMatch(Row::appliedSqlMigration)) {
            return Optional.empty();
        }
        return Optional.of(rows.stream()
                .map(row -> new Migration(row.version(), row.script(), row.checksum()))
                .toList());
    }

    private record Row(String version, String script, Integer checksum, String type, boolean success) {
        boolean appliedSqlMigration() {
            return "SQL".equals(type) && success && version != null && checksum != null;
        }
    }

    /**
     * Flyway's checksum of an SQL migration: CRC-32 over the UTF-8 bytes of each line without its line ending, a
     * leading byte-order mark dropped. {@code SchemaHistoryTest} checks it against what Flyway stores.
     */
    static int checksum(byte[] content) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException notFromMemory) {
            throw new IllegalStateException("reading bytes in memory failed", notFromMemory);
        }
        return (int) crc.getValue();
    }
}
