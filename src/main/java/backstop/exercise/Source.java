package backstop.exercise;

import java.util.Objects;

/** Where a dose or a choice of exercise comes from; {@code key} is what docs/clinical.md lists it under. */
public record Source(String key, String citation, boolean projectJudgement) {
    public Source {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(citation, "citation");
        new FieldChecks()
                .require(key.matches("[a-z0-9]+(-[a-z0-9]+)*"), "key", "must be kebab-case, was '" + key + "'")
                .text(citation, "citation", 400)
                .throwIfAny();
    }
}
