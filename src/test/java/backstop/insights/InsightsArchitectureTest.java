package backstop.insights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure statistics: no clock, no randomness of its own, no I/O, no web or database. Only the feature's
 * edge — {@code InsightsService} (reads the diary) and {@code InsightsPages} (HTTP) — may reach outside.
 */
class InsightsArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backstop.insights");

    @Test
    void theRulesBelowSeeTheRealClasses() {
        // A rule over no classes passes for nothing; make sure the importer found the code.
        assertThat(ENGINE).isNotEmpty();
    }

    @Test
    void theEngineReadsNoClockAndDrawsNoRandomNumbers() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.time.Clock")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Math.class, "random")
                .check(ENGINE);
    }

    @Test
    void theEngineDoesNoInputOutputAndKnowsNothingOfTheWebOrTheDatabase() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Service")
                .and()
                .haveSimpleNameNotEndingWith("Pages")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.io..",
                        "java.nio..",
                        "java.sql..",
                        "io.javalin..",
                        "org.jdbi..",
                        "backstop.web..",
                        "backstop.db..",
                        "backstop.cli..")
                .check(ENGINE);
    }
}
