package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/clinical.md mirrors the shipped rules: every rule with its urgency or points and source, every source key. */
class AssessmentDocsSyncTest {
    private static final AssessmentRules RULES = AssessmentRules.load();

    private static String clinical() throws Exception {
        return Files.readString(Path.of("docs", "clinical.md"));
    }

    @Test
    void everyRedFlagRuleIsDocumentedWithItsUrgencyAndSource() throws Exception {
        String docs = clinical();
        RULES.redFlags()
                .forEach(rule -> assertThat(docs)
                        .as(rule.id())
                        .containsPattern("\\| `" + rule.id() + "` \\|[^\\n]*\\| "
                                + rule.urgency().key() + " \\| `" + rule.source() + "` \\|"));
    }

    @Test
    void everyScoringRuleIsDocumentedWithItsKindPointsAndSource() throws Exception {
        String docs = clinical();
        RULES.scoring()
                .forEach(rule -> assertThat(docs)
                        .as(rule.id())
                        .containsPattern("\\| `" + rule.id() + "` \\| "
                                + rule.kind().key() + " \\|[^\\n]*\\| " + (rule.points() > 0 ? "\\+" : "")
                                + rule.points() + " \\| `" + rule.source() + "` \\|"));
    }

    @Test
    void everySourceKeyIsExplainedAndTheVersionAndCapsAreNamed() throws Exception {
        String docs = clinical();
        RULES.sources().keySet().forEach(key -> assertThat(docs).contains("| `" + key + "` |"));
        assertThat(docs).contains("`" + RULES.version() + "`", "active threshold of " + RULES.activeThreshold());
        AssessmentRules.CAPPED.forEach(kind -> assertThat(docs)
                .containsPattern(
                        "\\| `" + kind.key() + "` \\|[^\\n]*\\| " + RULES.caps().cap(kind)));
    }
}
