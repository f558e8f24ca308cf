package backstop.plan;

import backstop.assessment.Urgency;
import backstop.error.ConflictException;

/**
 * The assessment found a reason to see a doctor first, so no self-care plan is made. The message says why in plain
 * words; the web layer shows it (409) and the CLI exits with code 3. After an urgent or soon result a clinician can
 * clear the person for a plan ({@link PlanPreferences#clearedByClinician()}); an emergency is never planned for.
 */
public final class NoPlanException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final Urgency urgency;

    NoPlanException(Urgency urgency, String message) {
        super(message);
        this.urgency = urgency;
    }

    public Urgency urgency() {
        return urgency;
    }
}
