package backstop.care;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A clinician's edit of a plan: the changes, the reason (a few words kept with the version) and the note the person
 * reads ("changed by … on …: note").
 */
public record PlanEdit(List<Change> changes, String reason, String note) {
    /** The plans table keeps a reason of up to 64 characters. */
    static final int MAX_REASON = 64;

    static final int MAX_NOTE = 1000;

    public PlanEdit {
        changes = changes == null ? List.of() : List.copyOf(changes);
        reason = reason == null ? "" : reason.strip();
        note = note == null ? "" : note.strip();
    }

    /** Refuses a missing or long reason and a long note, naming each field. */
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "say why in 1 to " + MAX_REASON + " characters"));
        }
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "is at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }
}
