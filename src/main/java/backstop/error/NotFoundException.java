package backstop.error;

/** The thing asked for does not exist, or is not this person's to see (we do not tell the two apart). */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what);
    }
}
