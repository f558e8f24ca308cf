package backstop.cli;

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
        subcommands = {DbCommand.Migrate.class, CommandLine.HelpCommand.class})
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
}
