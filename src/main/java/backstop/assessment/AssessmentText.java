package backstop.assessment;

import backstop.assessment.AssessmentResult.CauseScore;
import backstop.assessment.AssessmentResult.Evidence;
import backstop.assessment.AssessmentResult.Finding;
import backstop.assessment.AssessmentResult.NotAsked;
import backstop.assessment.AssessmentResult.RedFlag;
import backstop.assessment.AssessmentResult.Tie;
import java.util.Locale;

/** The plain-text report printed by {@code backstop assess --format text}: safety first, then causes and findings. */
public final class AssessmentText {
    private static final int BAR_WIDTH = 20;

    private AssessmentText() {}

    public static String format(AssessmentResult result) {
        StringBuilder text = new StringBuilder();
        text.append("BACKSTOP ASSESSMENT\n\n");
        text.append("What to do: ").append(heading(result.urgency())).append('\n');
        text.append(result.urgencyAdvice()).append("\n");
        if (!result.redFlags().isEmpty()) {
            text.append("\nWarning signs in your answers:\n");
            for (RedFlag flag : result.redFlags()) {
                text.append("  ! ").append(flag.reason()).append('\n');
                text.append("    ").append(flag.action()).append('\n');
            }
        }
        if (!result.notAsked().isEmpty()) {
            text.append("\nNot asked by the questionnaire these answers come from (take the assessment again):\n");
            for (NotAsked question : result.notAsked()) {
                text.append("  ? ").append(question.question()).append('\n');
            }
        }
        if (!result.causes().isEmpty()) {
            text.append("\nLikely causes (score out of 100; ")
                    .append(result.activeThreshold())
                    .append(" or more counts as active):\n");
            for (CauseScore cause : result.causes()) {
                boolean active = result.activeCauses().contains(cause.cause());
                boolean tied =
                        result.ties().stream().anyMatch(tie -> tie.causes().contains(cause.cause()));
                text.append(String.format(
                        Locale.ROOT,
                        "  %-24s %3d  %s%s%s%n",
                        cause.label(),
                        cause.score(),
                        bar(cause.score()),
                        active ? "  active" : "",
                        tied ? "  tied" : ""));
                for (Evidence evidence : cause.evidence()) {
                    text.append(String.format(
                            Locale.ROOT, "      %s %s%n", evidence.points() > 0 ? "+" : "-", evidence.text()));
                }
            }
        }
        for (Tie tie : result.ties()) {
            text.append("\nA tie at ")
                    .append(tie.score())
                    .append(": ")
                    .append(String.join(
                            " and ",
                            result.causes().stream()
                                    .filter(cause -> tie.causes().contains(cause.cause()))
                                    .map(CauseScore::label)
                                    .toList()))
                    .append(" score the same; neither is ranked above the other.\n");
            tie.tellApart().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        if (!result.findings().isEmpty()) {
            text.append("\nAlso noticed:\n");
            for (Finding finding : result.findings()) {
                text.append("  * ").append(finding.label()).append('\n');
                finding.evidence()
                        .forEach(line -> text.append("      ").append(line).append('\n'));
            }
        }
        text.append('\n').append(result.summary()).append('\n');
        text.append("\n(checked with ")
                .append(result.rulesVersionInWords())
                .append(", ")
                .append(result.rulesVersion())
                .append("; intake version ")
                .append(result.intakeVersion())
                .append(")\n");
        return text.toString();
    }

    private static String heading(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "EMERGENCY - call emergency services now";
            case URGENT -> "see a doctor within 24 hours";
            case SOON -> "see a doctor within 1 to 2 weeks";
            case SELF_CARE -> "no warning signs - self-care with a plan";
        };
    }

    private static String bar(int score) {
        int filled = Math.round(score * BAR_WIDTH / 100f);
        return "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    }
}
