package backstop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: pages and the CLI call services; services and domain code never call back out. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backstop");

    @Test
    void theRulesBelowSeeTheRealClasses() {
        // A rule over no classes passes for nothing; make sure the importer found the code.
        assertThat(MAIN).isNotEmpty();
    }

    @Test
    void onlyPagesAndTheWebPackageKnowAboutHttp() {
        noClasses().that().resideOutsideOfPackages("backstop.web..", "backstop.cli..")
                .and().haveSimpleNameNotEndingWith("Pages")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..")
                .check(MAIN);
    }

    @Test
    void nothingButTheCommandLineDependsOnPicocli() {
        noClasses().that().resideOutsideOfPackage("backstop.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void storageDoesNotReachIntoFeatures() {
        noClasses().that().resideInAPackage("backstop.db..")
                .should().dependOnClassesThat().resideInAnyPackage("backstop.web..", "backstop.account..", "backstop.cli..")
                .check(MAIN);
    }

    @Test
    void theCommandLineIsNotUsedByTheWeb() {
        noClasses().that().resideInAPackage("backstop.web..")
                .should().dependOnClassesThat().resideInAnyPackage("backstop.cli..")
                .check(MAIN);
    }
}
