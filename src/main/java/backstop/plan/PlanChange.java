package backstop.plan;

import java.util.Objects;

/**
 * Who changed a plan version by hand and what they told the person: the person sees "changed by {@code authorName}
 * on {date}: {@code note}" on the plan and Today pages.
 */
public record PlanChange(long authorId, String authorName, String note) {
    public PlanChange {
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(note, "note");
    }
}
