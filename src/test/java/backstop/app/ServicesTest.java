package backstop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.account.SecuritySettings;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.exercise.ExerciseCatalogue;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up builds the services while the schema is migrated, and only queries once it is current. */
class ServicesTest {
    @TempDir
    Path folder;

    @Test
    void buildingTheServicesTouchesNoTableSoItCanRunBesideTheMigration() {
        try (Database database = Database.open(DatabaseUrl.sqlite(folder.resolve("backstop.db")))) {
            List<String> tablesWhenTheSchemaWasAwaited = new ArrayList<>();

            Services services = Services.wire(database, Clock.systemUTC(), SecuritySettings.defaults(), () -> {
                tablesWhenTheSchemaWasAwaited.addAll(tables(database));
                database.migrate();
            });

            assertThat(tablesWhenTheSchemaWasAwaited).isEmpty();
            assertThat(services.serverKey()).isNotEmpty();
            assertThat(tables(database)).contains("users", "settings", "flyway_schema_history");
        }
    }

    @Test
    void serveBuildsItsWebAppBeforeTheSchemaIsCurrentAndItAsksForTheServerKeyAtItsFirstRequest() throws Exception {
        try (Database database = Database.open(DatabaseUrl.sqlite(folder.resolve("backstop.db")))) {
            List<String> tablesWhenTheAppWasBuilt = new ArrayList<>();

            Services.Opened<Javalin> opened = Services.wire(
                    database, Clock.systemUTC(), SecuritySettings.defaults(), database::migrate, services -> {
                        Javalin app = WebApp.create(services, "test");
                        tablesWhenTheAppWasBuilt.addAll(tables(database));
                        return app;
                    });

            assertThat(tablesWhenTheAppWasBuilt).isEmpty();
            Javalin app = opened.prepared().start("127.0.0.1", 0);
            try {
                HttpResponse<String> login = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(200);
                assertThat(login.body()).as("a token signed with the key").contains("_csrf");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void theCatalogueIsReadOnAThreadOfItsOwnAndABrokenOneStillStopsTheStartOnceTheSchemaIsCurrent() {
        try (Database database = Database.open(DatabaseUrl.sqlite(folder.resolve("backstop.db")))) {
            List<String> readOn = new CopyOnWriteArrayList<>();
            BadInputException broken =
                    new BadInputException(List.of(new FieldError("exercise wall_angel", "is broken")));
            List<String> tablesWhenRefused = new ArrayList<>();

            assertThatThrownBy(() -> Services.wire(
                            database,
                            Clock.systemUTC(),
                            SecuritySettings.defaults(),
                            () -> {
                                readOn.add(Thread.currentThread().getName());
                                throw broken;
                            },
                            () -> {
                                database.migrate();
                                tablesWhenRefused.addAll(tables(database));
                            }))
                    .isSameAs(broken);
            assertThat(readOn).containsExactly("backstop-catalogue");
            assertThat(tablesWhenRefused).as("the schema was awaited").contains("users");
        }
    }

    @Test
    void theDataFilesReadAheadAreTheOnesTheNextOpenTakesAndOnlyThatOne() {
        DatabaseUrl url = DatabaseUrl.sqlite(folder.resolve("backstop.db"));
        List<ExerciseCatalogue> readAhead = new CopyOnWriteArrayList<>();
        Services.readDataFilesAhead(() -> {
            ExerciseCatalogue catalogue = ExerciseCatalogue.load();
            readAhead.add(catalogue);
            return catalogue;
        });

        try (Services first = Services.open(url, Clock.systemUTC())) {
            assertThat(readAhead).hasSize(1);
            assertThat(first.exercises()).isSameAs(readAhead.get(0));
        }
        try (Services restart = Services.open(url, Clock.systemUTC())) {
            assertThat(restart.exercises()).as("read again").isNotSameAs(readAhead.get(0));
        }
    }

    @Test
    void aBrokenDataFileReadAheadStillStopsTheStartOnceTheSchemaIsCurrent() {
        Path file = folder.resolve("backstop.db");
        BadInputException broken = new BadInputException(List.of(new FieldError("exercise wall_angel", "is broken")));
        Services.readDataFilesAhead(() -> {
            throw broken;
        });

        assertThatThrownBy(() -> Services.open(DatabaseUrl.sqlite(file), Clock.systemUTC()))
                .isSameAs(broken);
        try (Database database = Database.open(DatabaseUrl.sqlite(file))) {
            assertThat(tables(database)).as("the migration was not cut short").contains("users");
        }
    }

    @Test
    void aNewFileIsMigratedAndARestartOnItOpensTheSameData() {
        DatabaseUrl url = DatabaseUrl.sqlite(folder.resolve("backstop.db"));
        byte[] key;
        try (Services first = Services.open(url, Clock.systemUTC())) {
            key = first.serverKey();
        }
        try (Services restart = Services.open(url, Clock.systemUTC())) {
            assertThat(restart.serverKey()).isEqualTo(key);
        }
    }

    @Test
    void aMigrationThatFailsStopsTheStartWithFlywaysError() throws SQLException {
        Path file = folder.resolve("backstop.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (something_else TEXT)");
        }

        assertThatThrownBy(() -> Services.open(DatabaseUrl.sqlite(file), Clock.systemUTC()))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("no schema history table");
    }

    @Test
    void aDatabaseThatCannotBeOpenedStopsTheStartSayingWhy() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("data"), "a file where the data folder should be");

        assertThatThrownBy(
                        () -> Services.open(DatabaseUrl.sqlite(notAFolder.resolve("backstop.db")), Clock.systemUTC()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot create the data folder");
    }

    private static List<String> tables(Database database) {
        return database.withHandle(
                handle -> handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                        .mapTo(String.class)
                        .list());
    }
}
