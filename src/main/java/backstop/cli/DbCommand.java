package backstop.cli;

import backstop.db.Backup;
import backstop.db.Database;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Look after the database.",
        subcommands = {
            DbCommand.Migrate.class,
            DbCommand.BackupCommand.class,
            DbCommand.Restore.class,
            CommandLine.HelpCommand.class
        })
final class DbCommand extends CommandGroup {
    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Bring the schema up to date (serve does this too on start).")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(database.parse())) {
                MigrateResult result = db.migrate();
                spec.commandLine()
                        .getOut()
                        .println("Schema of " + db.url().display() + " is at version "
                                + (result.targetSchemaVersion == null
                                        ? result.initialSchemaVersion
                                        : result.targetSchemaVersion)
                                + " (" + result.migrationsExecuted + " migration(s) applied now).");
            }
            return 0;
        }
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = {
                "Write a consistent copy of the database to FILE; safe while Backstop serves.",
                "SQLite: the online backup API. PostgreSQL: pg_dump (custom format; needs postgresql-client)."
            })
    static final class BackupCommand implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it.")
        java.nio.file.Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(database.parse())) {
                Backup.backup(db, out);
                spec.commandLine().getOut().println("Backed up " + db.url().display() + " to " + out + ".");
            }
            return 0;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = {
                "Replace the database's contents with a backup made by 'db backup'.",
                "Stop every Backstop server on this database first; start them again afterwards."
            })
    static final class Restore implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @CommandLine.Parameters(paramLabel = "FILE", description = "The backup to restore.")
        java.nio.file.Path in;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Backup.restore(database.parse(), in);
            try (Database db = Database.open(database.parse())) {
                MigrateResult result = db.migrate();
                spec.commandLine()
                        .getOut()
                        .println("Restored " + db.url().display() + " from " + in + " (schema version "
                                + (result.targetSchemaVersion == null
                                        ? result.initialSchemaVersion
                                        : result.targetSchemaVersion)
                                + ").");
            }
            return 0;
        }
    }
}
