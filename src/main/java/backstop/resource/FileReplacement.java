package backstop.resource;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a fully written file in place of another, so a reader never sees half of it. */
public final class FileReplacement {
    private FileReplacement() {}

    /** Moves {@code partial} onto {@code target} atomically where the file system can, else by a plain move. */
    public static void moveOver(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
