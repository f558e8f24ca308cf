package backstop.db;

/**
 * State a caller's thread holds that its write must see when group commit runs that write on the writer thread: a
 * web request's collected read audits, which a write joins into its own transaction. Registered with
 * {@link Database#carryToWriter}; storage knows nothing of what is carried.
 */
public interface WriterContext {
    /** On the caller's thread, as its write is handed to the writer: what to carry. */
    Carried capture();

    /** What one write carries to the writer thread. */
    interface Carried {
        /** On the writer thread, before the write runs: make the caller's state current there. */
        void enter();

        /**
         * On the writer thread, after the write ran: restore the writer thread. {@code kept} is false when the write
         * threw and was rolled back to its savepoint, so whatever it took from the caller's state must be given back.
         */
        void leave(boolean kept);
    }
}
