package backstop.account;

import backstop.db.Database;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret made once per installation and kept in the settings table; signs the anonymous visitor's
 * anti-forgery token. Kept in the database so every server of a clinic shares it and a restart keeps it.
 */
public final class ServerKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerKey() {}

    public static byte[] loadOrCreate(Database database) {
        return database.inTransaction(handle -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            handle.createUpdate("""
                            INSERT INTO settings (name, value)
                            SELECT 'server_key', :value WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = 'server_key')""")
                    .bind("value", Base64.getEncoder().encodeToString(fresh))
                    .execute();
            String stored = handle.createQuery("SELECT value FROM settings WHERE name = 'server_key'")
                    .mapTo(String.class)
                    .one();
            return Base64.getDecoder().decode(stored);
        });
    }
}
