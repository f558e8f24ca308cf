package backstop.assessment;

import backstop.assessment.AssessmentResult.CauseScore;
import backstop.assessment.AssessmentResult.Evidence;
import backstop.assessment.AssessmentResult.Finding;
import backstop.assessment.AssessmentResult.RedFlag;
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
        if (!result.causes().isEmpty()) {
            text.append("\nLikely causes (score out of 100; ")
                    .append(result.activeThreshold())
                    .append(" or more counts as active):\n");
            for (CauseScore cause : result.causes()) {
                boolean active = result.activeCauses().contains(cause.cause());
                text.append(String.format(
                        Locale.ROOT,
                        "  %-24s %3d  %s%s%n",
                        cause.label(),
                        cause.score(),
                        bar(cause.score()),
                        active ? "  active" : ""));
                for (Evidence evidence : cause.evidence()) {
                    text.append(String.format(
                            Locale.ROOT, "      %s %s%n", evidence.points() > 0 ? "+" : "-", evidence.text()));
                }
            }
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
        text.append("\n(rules ").append(result.rulesVersion()).append(")\n");
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
