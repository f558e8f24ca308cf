package backstop.assessment;

import backstop.assessment.AssessmentResult.CauseScore;
import backstop.assessment.AssessmentResult.NotAsked;
import backstop.assessment.AssessmentResult.Tie;
import backstop.model.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the plain-words summary of a result. It names every active cause, because several often act together;
 * when the leading causes score the same it says so and does not pick one; when an older intake left warning-sign
 * questions unasked it says that too.
 */
final class AssessmentSummary {
    static final String NOT_A_DIAGNOSIS = "This is not a diagnosis: it is a reading of your answers to help you "
            + "and your clinician decide what to work on.";

    private AssessmentSummary() {}

    static String write(
            Urgency urgency, List<CauseScore> causes, List<Cause> active, List<Tie> ties, List<NotAsked> notAsked) {
        if (urgency == Urgency.EMERGENCY) {
            return "Some of your answers can be signs of a problem that needs help right now. Please stop here and "
                    + "call emergency services. This is a safety check, not a diagnosis.";
        }
        List<String> parts = new ArrayList<>();
        if (urgency != Urgency.SELF_CARE) {
            parts.add("Please see a doctor first, as explained above. The causes below can help that conversation; "
                    + "they are not a reason to wait.");
        }
        Optional<Tie> leading = causes.isEmpty()
                ? Optional.empty()
                : ties.stream()
                        .filter(tie -> tie.score() == causes.get(0).score())
                        .findFirst();
        List<String> names = causes.stream()
                .filter(score -> active.contains(score.cause()))
                .map(score -> lower(score.label()) + " (" + score.score() + ")")
                .toList();
        if (leading.isPresent()) {
            List<String> tied = causes.stream()
                    .filter(score -> leading.get().causes().contains(score.cause()))
                    .map(score -> lower(score.label()))
                    .toList();
            parts.add("Your answers point equally to " + list(tied) + " ("
                    + leading.get().score() + " each), so " + "Backstop does not rank one above the other.");
            if (!leading.get().tellApart().isEmpty()) {
                parts.add("What would tell them apart: "
                        + String.join(" ", leading.get().tellApart()));
            }
            if (names.size() > tied.size()) {
                parts.add("Active causes in all: " + list(names) + ".");
            }
        } else if (names.isEmpty()) {
            parts.add("None of the five common causes stands out clearly from your answers. That can happen when the "
                    + "pain is mild or mixed; the scores below still show what leans which way.");
        } else if (names.size() == 1) {
            parts.add("Your answers point most to " + names.get(0) + ".");
        } else {
            parts.add(
                    "Your answers point to " + names.size() + " causes at once: " + list(names) + ". That is common in "
                            + "the upper back, where the spine, ribs, shoulders and layers of muscle overlap and load each other, "
                            + "so a plan works best when it deals with each of them.");
        }
        if (!notAsked.isEmpty()) {
            parts.add("These answers come from an earlier questionnaire that did not ask about "
                    + list(notAsked.stream().map(NotAsked::question).toList())
                    + ". Please take the assessment again so that these warning signs are checked too.");
        }
        parts.add(NOT_A_DIAGNOSIS);
        return String.join(" ", parts);
    }

    private static String lower(String label) {
        return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static String list(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
