package backstop.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Checks of data files that passed before on exactly the same input, so a start can skip them: the result of a
 * check cannot differ when the files, the checker's own code and the JDK are the same. Each file is known by its
 * name, size and CRC-32 (the integrity check the jar itself uses for its entries), the checker by the CRC-32 of its
 * class file. A check that passes is written down in a small file under {@code ~/.cache/backstop/checks/} (or
 * {@code $XDG_CACHE_HOME}); one that fails is never written down, so a broken file is refused at every start. When
 * the folder cannot be read or written, every check simply runs.
 */
public final class PassedChecks {
    private final Path folder;

    public PassedChecks(Path folder) {
        this.folder = folder;
    }

    /** The folder in the user's cache, where the sqlite native library is kept too. */
    public static PassedChecks inUserCache() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base =
                cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return new PassedChecks(base.resolve("backstop").resolve("checks"));
    }

    /** What one run of a check looked at; add every file it checks, in a fixed order. */
    public static final class Inputs {
        private final StringBuilder summary = new StringBuilder();

        private Inputs(Class<?> checker) {
            summary.append("checker ")
                    .append(checker.getName())
                    .append(' ')
                    .append(crcOfClassFile(checker))
                    .append("\njdk ")
                    .append(Runtime.version())
                    .append(' ')
                    .append(System.getProperty("java.vm.vendor"))
                    .append('\n');
        }

        public Inputs add(String name, byte[] content) {
            CRC32 crc = new CRC32();
            crc.update(content);
            summary.append(name)
                    .append(' ')
                    .append(content.length)
                    .append(' ')
                    .append(Long.toHexString(crc.getValue()))
                    .append('\n');
            return this;
        }

        String summary() {
            return summary.toString();
        }

        private static String crcOfClassFile(Class<?> checker) {
            String file = checker.getName().substring(checker.getName().lastIndexOf('.') + 1) + ".class";
            try (InputStream in = checker.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("no class file for " + checker.getName());
                }
                CRC32 crc = new CRC32();
                crc.update(in.readAllBytes());
                return Long.toHexString(crc.getValue());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    /** The inputs of a check made by {@code checker}: its class file and the JDK count as inputs too. */
    public static Inputs of(Class<?> checker) {
        return new Inputs(checker);
    }

    /** True when a check on exactly these inputs passed before. */
    public boolean passedBefore(Inputs inputs) {
        String summary = inputs.summary();
        try {
            Path record = folder.resolve(recordName(summary));
            return Files.isRegularFile(record)
                    && Files.readString(record, StandardCharsets.UTF_8).equals(summary);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** Writes down that the check passed on these inputs; a folder that cannot be written only costs the next start. */
    public void passed(Inputs inputs) {
        String summary = inputs.summary();
        try {
            Files.createDirectories(folder);
            String name = recordName(summary);
            Path record = folder.resolve(name);
            Path partial = Files.createTempFile(folder, name, ".part");
            try {
                Files.writeString(partial, summary, StandardCharsets.UTF_8);
                FileReplacement.moveOver(partial, record);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException unwritable) {
            // Not written down: the next start checks again.
        }
    }

    /** The record's name comes from the summary; its content is the summary, compared in full. */
    private static String recordName(String summary) {
        CRC32 crc = new CRC32();
        crc.update(summary.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x-%d.passed", crc.getValue(), summary.length());
    }
}
