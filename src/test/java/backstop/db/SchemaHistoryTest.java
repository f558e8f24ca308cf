package backstop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.resource.ResourceDirectory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start skips Flyway only when its history is exactly the build's migrations; any difference runs Flyway. */
class SchemaHistoryTest {
    private static final ClassLoader BUILD = SchemaHistoryTest.class.getClassLoader();

    @TempDir
    Path classes;

    @BothDatabases
    void aDatabaseFlywayBroughtUpToDateIsCurrentSoAStartSkipsFlyway(Database database) {
        assertThat(SchemaHistory.isCurrent(database, BUILD)).isTrue();

        assertThat(database.migrateUnlessCurrent()).as("Flyway ran").isFalse();
    }

    @BothDatabases
    void ourChecksumOfEveryMigrationIsTheOneFlywayStored(Database database) {
        Map<String, Integer> stored = database
                .withHandle(handle -> handle.createQuery("SELECT script, checksum FROM flyway_schema_history")
                        .map((row, context) -> Map.entry(row.getString("script"), row.getInt("checksum")))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        Map<String, Integer> computed = SchemaHistory.inBuild(BUILD, database.migrationFolders()).orElseThrow().stream()
                .collect(Collectors.toMap(SchemaHistory.Migration::script, SchemaHistory.Migration::checksum));

        assertThat(computed).isNotEmpty().isEqualTo(stored);
    }

    @BothDatabases
    void aMigrationNewToTheBuildIsApplied(Database database) throws IOException {
        ClassLoader build = buildWith(
                database,
                Map.of("db/migration/V900__startup_check.sql", "CREATE TABLE startup_check (id INTEGER NOT NULL);\n"));

        assertThat(database.migrateUnlessCurrent(build)).as("Flyway ran").isTrue();

        assertThat(count(database, "SELECT COUNT(*) FROM startup_check")).isZero();
        assertThat(database.migrateUnlessCurrent(build)).as("Flyway ran again").isFalse();
    }

    @BothDatabases
    void aMigrationChangedAfterItWasAppliedIsRefusedByFlywaysValidation(Database database) throws IOException {
        String first = "db/migration/V1__accounts_sessions_audit.sql";
        ClassLoader build = buildWith(database, Map.of(first, resource(first) + "\n-- edited after it landed\n"));

        assertThatThrownBy(() -> database.migrateUnlessCurrent(build))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @BothDatabases
    void aFailedOrMissingEntryInTheHistoryIsLeftToFlyway(Database database) {
        database.useTransaction(
                handle -> handle.execute("UPDATE flyway_schema_history SET success = ? WHERE version = '41'", false));
        assertThat(SchemaHistory.isCurrent(database, BUILD)).isFalse();

        database.useTransaction(handle -> handle.execute("DELETE FROM flyway_schema_history WHERE version = '41'"));
        assertThat(SchemaHistory.isCurrent(database, BUILD)).isFalse();
    }

    @BothDatabases
    void aDatabaseWithoutHistoryIsNotCurrent(Database database) {
        database.useTransaction(handle -> handle.execute("DROP TABLE flyway_schema_history"));

        assertThat(SchemaHistory.isCurrent(database, BUILD)).isFalse();
    }

    @Test
    void aDatabaseFlywayMigratedByScanningTheClassPathIsCurrentForTheListedScripts(@TempDir Path folder) {
        DatabaseUrl url = DatabaseUrl.sqlite(folder.resolve("scanned.db"));
        try (Database database = Database.open(url)) {
            Flyway.configure(BUILD)
                    .dataSource(url.jdbcUrl(), "", "")
                    .locations(database.migrationFolders().stream()
                            .map(each -> "classpath:" + each)
                            .toArray(String[]::new))
                    .placeholders(database.placeholders())
                    .load()
                    .migrate();

            assertThat(database.migrate().migrationsExecuted)
                    .as("migrations run again")
                    .isZero();
            assertThat(SchemaHistory.isCurrent(database, BUILD)).isTrue();
        }
    }

    @Test
    void aNewDatabaseGetsItsMigrationsInOneTransactionSoAFailingOneLeavesNoneApplied(@TempDir Path folder)
            throws IOException {
        try (Database database = Database.open(DatabaseUrl.sqlite(folder.resolve("new.db")))) {
            ClassLoader build =
                    buildWith(database, Map.of("db/migration/V900__broken.sql", "CREATE TABLE broken (;\n"));

            assertThatThrownBy(() -> database.migrate(build)).isInstanceOf(FlywayException.class);

            assertThat(count(database, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'users'"))
                    .as("the first migration's table")
                    .isZero();
        }
    }

    @Test
    void theChecksumIgnoresLineEndingsAndAByteOrderMark() {
        int unix = SchemaHistory.checksum("SELECT 1;\nSELECT 2;\n".getBytes(StandardCharsets.UTF_8));

        assertThat(SchemaHistory.checksum("SELECT 1;\r\nSELECT 2;\r\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(unix);
        assertThat(SchemaHistory.checksum("\uFEFFSELECT 1;\nSELECT 2;".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(unix);
        assertThat(SchemaHistory.checksum("SELECT 1;\nSELECT 3;\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(unix);
    }

    /**
     * A class path whose migration folders hold copies of the build's migrations with {@code changes} laid over
     * them; everything else (Flyway, the drivers) comes from the build.
     */
    private ClassLoader buildWith(Database database, Map<String, String> changes) throws IOException {
        for (String folder : database.migrationFolders()) {
            ResourceDirectory directory = new ResourceDirectory(BUILD, folder);
            for (String name : directory.fileNames()) {
                Path copy = Files.createDirectories(classes.resolve(folder)).resolve(name);
                Files.write(copy, directory.read(name).orElseThrow());
            }
        }
        for (Map.Entry<String, String> change : changes.entrySet()) {
            Files.writeString(classes.resolve(change.getKey()), change.getValue());
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, BUILD) {
            @Override
            public URL getResource(String name) {
                return name.startsWith("db/") ? findResource(name) : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("db/") ? findResources(name) : super.getResources(name);
            }
        };
    }

    private static String resource(String name) throws IOException {
        try (var in = BUILD.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(Database database, String sql) {
        return database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
