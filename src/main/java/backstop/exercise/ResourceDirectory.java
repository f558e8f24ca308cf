package backstop.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of resources on the class path, listed whether it sits in a directory (tests, IDE) or inside the
 * shaded jar. Listing is what lets the loader notice an illustration or exercise file that nothing refers to.
 */
final class ResourceDirectory {
    private final ClassLoader classLoader;
    private final String folder;

    ResourceDirectory(ClassLoader classLoader, String folder) {
        this.classLoader = classLoader;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    String folder() {
        return folder;
    }

    /** File names directly in the folder, sorted; empty when the folder does not exist. */
    List<String> fileNames() {
        URL url = classLoader.getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return list(jar.getPath(folder));
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    return list(FileSystems.getFileSystem(uri).getPath(folder));
                }
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException unreadable) {
            throw new IllegalStateException("cannot list resource folder " + folder, unreadable);
        }
    }

    Optional<byte[]> read(String fileName) {
        try (InputStream in = classLoader.getResourceAsStream(folder + fileName)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read resource " + folder + fileName, unreadable);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        return FileSystems.newFileSystem(uri, Map.of());
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
