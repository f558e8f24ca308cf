package backstop.db;

/**
 * Work that must run once however many servers share the database (a scheduled task, a reminder run): on
 * PostgreSQL it takes a transaction-scoped advisory lock named after the task, and a server that cannot get it
 * skips the run instead of waiting. SQLite is one process's file, so there the work simply runs.
 */
public final class RunOnce {
    private RunOnce() {}

    /** Runs {@code work} unless another server is running the task of this name; true when it ran here. */
    public static boolean run(Database database, String task, Runnable work) {
        if (database.url().kind() == DatabaseUrl.Kind.SQLITE) {
            work.run();
            return true;
        }
        return database.inTransaction(handle -> {
            boolean locked = handle.createQuery("SELECT pg_try_advisory_xact_lock(hashtext(:task))")
                    .bind("task", "backstop." + task)
                    .mapTo(Boolean.class)
                    .one();
            if (locked) {
                work.run();
            }
            return locked;
        });
    }
}
