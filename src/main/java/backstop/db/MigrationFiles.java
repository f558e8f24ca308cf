package backstop.db;

import backstop.resource.ResourceDirectory;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migration scripts handed to Flyway from the folders' own listing ({@link ResourceDirectory}, one walk of the
 * jar's index shared with the rest of a start), so Flyway does not scan the class path for them: in the shaded jar
 * its scanner walks all of the jar's entries again. Each script keeps the name Flyway's scanner gives it (the file
 * name), which is what its history records.
 */
final class MigrationFiles implements ResourceProvider {
    private final List<Script> scripts;

    private MigrationFiles(List<Script> scripts) {
        this.scripts = scripts;
    }

    /**
     * The scripts directly in {@code folders}; empty when a folder is on the class path more than once, as then
     * Flyway's own scan (which reads every copy) must see them all.
     */
    static Optional<MigrationFiles> in(ClassLoader classLoader, List<String> folders) {
        List<Script> scripts = new ArrayList<>();
        for (String folder : folders) {
            ResourceDirectory directory = new ResourceDirectory(classLoader, folder);
            if (directory.copies() > 1) {
                return Optional.empty();
            }
            for (String name : directory.fileNames()) {
                scripts.add(new Script(directory, name));
            }
        }
        return Optional.of(new MigrationFiles(List.copyOf(scripts)));
    }

    /** The scripts, in the folders' order, each file name with its bytes. */
    List<Script> scripts() {
        return scripts;
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream()
                .filter(script -> script.getRelativePath().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(script -> script.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(script.getFilename()::endsWith))
                .map(LoadableResource.class::cast)
                .toList();
    }

    /** One script, read from the class path when Flyway asks for its text. */
    static final class Script extends LoadableResource {
        private final ResourceDirectory directory;
        private final String name;

        Script(ResourceDirectory directory, String name) {
            this.directory = directory;
            this.name = name;
        }

        byte[] content() {
            return directory
                    .read(name)
                    .orElseThrow(() -> new IllegalStateException("migration " + getAbsolutePath() + " vanished"));
        }

        @Override
        public Reader read() {
            return new StringReader(new String(content(), StandardCharsets.UTF_8));
        }

        @Override
        public String getAbsolutePath() {
            return directory.folder() + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
