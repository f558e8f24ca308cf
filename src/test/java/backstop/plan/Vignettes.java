package backstop.plan;

import backstop.assessment.AssessmentResult;
import backstop.assessment.AssessmentRules;
import backstop.assessment.Assessor;
import backstop.assessment.Intake;
import backstop.assessment.IntakeReader;
import backstop.assessment.VignetteFiles;
import backstop.exercise.ExerciseCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The assessment's clinical vignettes, assessed by the shipped rules, as input for plan tests. */
final class Vignettes {
    static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.load();
    static final PlanRules RULES = PlanRules.load();
    private static final Assessor ASSESSOR = new Assessor(AssessmentRules.load());
    private static final IntakeReader READER = IntakeReader.load();
    private static final List<Vignette> ALL = read();

    record Vignette(String file, Intake intake, AssessmentResult result) {
        DailyLife life() {
            return DailyLife.from(intake);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private Vignettes() {}

    static List<Vignette> all() {
        return ALL;
    }

    static Stream<Vignette> stream() {
        return ALL.stream();
    }

    static Vignette named(String prefix) {
        return ALL.stream()
                .filter(vignette -> vignette.file().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vignette " + prefix));
    }

    private static List<Vignette> read() {
        List<Vignette> vignettes = new ArrayList<>();
        for (VignetteFiles.Vignette file : VignetteFiles.all()) {
            Intake intake = READER.read(file.intake().toString());
            vignettes.add(new Vignette(file.file(), intake, ASSESSOR.assess(intake)));
        }
        return List.copyOf(vignettes);
    }
}
