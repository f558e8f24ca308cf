package backstop.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of resources on the class path, listed whether it sits in a directory (tests, IDE) or inside the
 * shaded jar. Listing is what lets the catalogue notice an illustration or exercise file that nothing refers to,
 * and start-up see which migrations the build holds.
 */
public final class ResourceDirectory {
    private final ClassLoader classLoader;
    private final String folder;

    public ResourceDirectory(ClassLoader classLoader, String folder) {
        this.classLoader = classLoader;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    public String folder() {
        return folder;
    }

    /** File names directly in the folder, sorted (class files left out); empty when the folder does not exist. */
    public List<String> fileNames() {
        URL url = classLoader.getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return listJar(url);
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException unreadable) {
            throw new IllegalStateException("cannot list resource folder " + folder, unreadable);
        }
    }

    /** How many copies of the folder the class path holds (a folder in two jars, or in a jar and a directory). */
    public int copies() {
        try {
            return Collections.list(classLoader.getResources(folder)).size();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot look for " + folder + " on the class path", unreadable);
        }
    }

    public Optional<byte[]> read(String fileName) {
        try (InputStream in = classLoader.getResourceAsStream(folder + fileName)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read resource " + folder + fileName, unreadable);
        }
    }

    /**
     * The data files (every entry but classes) of each jar listed so far, by folder and by the jar's path: the shaded
     * jar has tens of thousands of entries and a start lists several of its folders (the catalogue's two, the
     * migrations'), so its index is walked once; classes are left out to keep this small.
     */
    private static final Map<String, Map<String, List<String>>> JAR_LISTINGS = new ConcurrentHashMap<>();

    /**
     * Lists the folder from the jar's own index (the one the class loader already holds open), not through a zip
     * file system: mounting the shaded jar reads and keeps all of its ~50,000 entries.
     */
    private List<String> listJar(URL url) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        JarFile jar = connection.getJarFile();
        return JAR_LISTINGS.computeIfAbsent(jar.getName(), name -> folders(jar)).getOrDefault(folder, List.of());
    }

    /** Each folder of the jar with the data files directly in it, sorted; hidden files and classes left out. */
    private static Map<String, List<String>> folders(JarFile jar) {
        Map<String, List<String>> folders = new HashMap<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            int slash = name.lastIndexOf('/');
            if (entry.isDirectory() || name.startsWith(".", slash + 1) || name.endsWith(".class")) {
                continue;
            }
            folders.computeIfAbsent(name.substring(0, slash + 1), folder -> new ArrayList<>())
                    .add(name.substring(slash + 1));
        }
        Map<String, List<String>> sorted = new HashMap<>();
        folders.forEach((folder, names) -> {
            Collections.sort(names);
            sorted.put(folder, List.copyOf(names));
        });
        return Map.copyOf(sorted);
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.endsWith(".class"))
                    .sorted()
                    .toList();
        }
    }
}
