package backstop.assessment;

import java.util.Optional;
import java.util.regex.Matcher;

/** Rules versions ("assessment-rules-2") in words a person can read on a result. */
final class RulesVersion {
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("assessment-rules-(\\d+)");

    private RulesVersion() {}

    static Optional<Integer> number(String version) {
        Matcher matcher = FORM.matcher(version);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** "version 2 of Backstop's assessment rules"; an unknown form is shown as it is. */
    static String describe(String version) {
        return number(version)
                .map(n -> "version " + n + " of Backstop's assessment rules")
                .orElse("assessment rules " + version);
    }
}
