package backstop.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once on a fresh SQLite file and once on a fresh schema of the real PostgreSQL server
 * (system property {@code backstop.test.postgres}). It may take a {@link Database} parameter, already migrated.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestDatabases.class)
public @interface BothDatabases {}
