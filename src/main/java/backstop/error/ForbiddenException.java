package backstop.error;

/** The caller is known but their role does not allow this. */
public final class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String why) {
        super(why);
    }
}
