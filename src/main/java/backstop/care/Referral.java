package backstop.care;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An injection referral a clinician recorded, and its outcome once known. {@code around} is pain and adherence in the
 * weeks before and after the injection, present once it was done.
 */
public record Referral(
        long id,
        Kind kind,
        String referredTo,
        String reason,
        Optional<String> criterionId,
        LocalDate referredOn,
        String clinicianName,
        Optional<Outcome> outcome,
        Optional<LocalDate> outcomeOn,
        String outcomeNote,
        Optional<ReferralWindow> around) {

    public enum Kind {
        @JsonProperty("trigger_point")
        TRIGGER_POINT("Trigger-point injection"),
        @JsonProperty("epidural")
        EPIDURAL("Epidural injection");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Outcome {
        @JsonProperty("done")
        DONE,
        @JsonProperty("not_done")
        NOT_DONE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Referral {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(referredTo, "referredTo");
        Objects.requireNonNull(reason, "reason");
        criterionId = criterionId == null ? Optional.empty() : criterionId;
        Objects.requireNonNull(referredOn, "referredOn");
        outcome = outcome == null ? Optional.empty() : outcome;
        outcomeOn = outcomeOn == null ? Optional.empty() : outcomeOn;
        outcomeNote = outcomeNote == null ? "" : outcomeNote;
        around = around == null ? Optional.empty() : around;
    }
}
