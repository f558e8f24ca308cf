package backstop.error;

/**
 * The request is well formed but cannot be done in the current state of the record (409); the message says why in
 * plain words, because the person has to act on it.
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String why) {
        super(why);
    }
}
