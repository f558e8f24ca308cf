package backstop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: {@code Main} → {@code cli} → {@code app} (the composition root) → features → {@code web}
 * → {@code account}, {@code db}, {@code error}, {@code json}, {@code model}. Pure domain code takes what it needs
 * as arguments and reaches for nothing.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses().resolve("backstop"));

    /**
     * The folder the main classes were compiled to. Importing it by path reads only Backstop's classes, where
     * importing the package by name had ArchUnit look for it through every jar on the test class path (20 s).
     */
    private static Path mainClasses() {
        try {
            return Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each package is its own slice, the root package {@code backstop} included, so Main → cli → root counts. */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("backstop") || name.startsWith("backstop.")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of backstop, the root package included";
        }
    };

    @Test
    void theRulesBelowSeeTheRealClasses() {
        // A rule over no classes passes for nothing; make sure the importer found the code.
        assertThat(MAIN).isNotEmpty();
        assertThat(MAIN.contain(Main.class)).isTrue();
        assertThat(MAIN.containPackage("backstop.app")).isTrue();
        assertThat(MAIN.containPackage("backstop.assessment")).isTrue();
        assertThat(MAIN.containPackage("backstop.plan")).isTrue();
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheCompositionRootAndTheCommandLineWireTheApplication() {
        noClasses()
                .that()
                .resideOutsideOfPackages("backstop", "backstop.cli..", "backstop.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("backstop.app..")
                .check(MAIN);
    }

    @Test
    void theWebLayerKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("backstop.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "backstop.assessment..",
                        "backstop.diary..",
                        "backstop.plan..",
                        "backstop.insights..",
                        "backstop.exercise..",
                        "backstop.desk..",
                        "backstop.share..",
                        "backstop.home..",
                        "backstop.account.pages..",
                        "backstop.app..",
                        "backstop.cli..")
                .check(MAIN);
    }

    @Test
    void onlyPagesApisAndTheWebPackageKnowAboutHttp() {
        // A feature's HTTP side is its *Pages (browser) and *Api (JSON) classes; everything else stays HTTP-free.
        noClasses()
                .that()
                .resideOutsideOfPackages("backstop.web..", "backstop.cli..", "backstop.app..")
                .and()
                .haveSimpleNameNotEndingWith("Pages")
                .and()
                .haveSimpleNameNotEndingWith("Api")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..")
                .check(MAIN);
    }

    @Test
    void nothingButTheCommandLineDependsOnPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("backstop.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void storageDoesNotReachIntoFeatures() {
        noClasses()
                .that()
                .resideInAPackage("backstop.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("backstop.web..", "backstop.account..", "backstop.cli..", "backstop.app..")
                .check(MAIN);
    }

    @Test
    void theExerciseCatalogueNeedsOnlyTheSharedVocabularyNotTheAssessment() {
        noClasses()
                .that()
                .resideInAPackage("backstop.exercise..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("backstop.assessment..", "backstop.plan..")
                .check(MAIN);
    }

    @Test
    void scoringAndPlanningArePure() {
        // The rules, the generator and progression take records and return records: no database, no HTTP, no
        // clock or randomness of their own, so the CLI, the API, tests and benchmarks all get the same answer.
        noClasses()
                .that()
                .haveFullyQualifiedName("backstop.assessment.Assessor")
                .or()
                .haveFullyQualifiedName("backstop.assessment.Condition")
                .or()
                .haveFullyQualifiedName("backstop.assessment.AssessmentComparison")
                .or()
                .haveFullyQualifiedName("backstop.plan.PlanGenerator")
                .or()
                .haveFullyQualifiedName("backstop.plan.SessionPlanner")
                .or()
                .haveFullyQualifiedName("backstop.plan.HabitParts")
                .or()
                .haveFullyQualifiedName("backstop.plan.CoverageCheck")
                .or()
                .haveFullyQualifiedName("backstop.plan.Progression")
                .or()
                .haveFullyQualifiedName("backstop.desk.BreakTimer")
                .or()
                .haveFullyQualifiedName("backstop.desk.DeskTimeline")
                .or()
                .haveFullyQualifiedName("backstop.desk.EventCheck")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jdbi..", "java.sql..", "io.javalin..", "backstop.db..", "backstop.web..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(Clock.class.getName())
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.UUID")
                // Clinical data is loaded (and checked) once at start-up and handed in, never read from here.
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.InputStream")
                .orShould()
                .callMethod("backstop.plan.PlanRules", "load")
                .orShould()
                .callMethod("backstop.plan.ReferralCriteria", "load")
                .orShould()
                .callMethod("backstop.exercise.ExerciseCatalogue", "load")
                .check(MAIN);
    }
}
