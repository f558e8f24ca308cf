package backstop.db;

import backstop.resource.FileReplacement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, kept in a cache folder instead of extracted anew on every start. Left alone,
 * sqlite-jdbc copies the library (about 1 MB) out of the jar into a new temporary file at each start and compares
 * the copy with the jar byte by byte, about 150 ms of start-up. Here the copy is made once, named after the jar
 * entry's CRC-32 and size, and checked against that CRC at every start (about a millisecond); a copy that does not
 * match is made again. If anything goes wrong, sqlite-jdbc is left to do what it does by default.
 */
final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String NATIVE_FOLDER = "/native/";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    private SqliteNativeLibrary() {}

    /** Points sqlite-jdbc at the cached copy, unless the operator already chose a library. */
    static synchronized void useCachedCopy() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        cachedCopyIn(defaultFolder()).ifPresent(library -> {
            System.setProperty(
                    PATH_PROPERTY,
                    Objects.requireNonNull(library.getParent(), "folder").toString());
            System.setProperty(
                    NAME_PROPERTY,
                    Objects.requireNonNull(library.getFileName(), "name").toString());
        });
    }

    /**
     * The cached copy of this platform's library in {@code folder}, made or remade when missing or not matching
     * the jar; empty when the library is not in a jar or the folder cannot be written.
     */
    static Optional<Path> cachedCopyIn(Path folder) {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        URL url = LibraryLoaderUtil.class.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return Optional.empty();
            }
            JarEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() < 0) {
                return Optional.empty();
            }
            String name = String.format(
                    Locale.ROOT,
                    "%s-%08x-%d%s",
                    stem(LibraryLoaderUtil.getNativeLibName()),
                    entry.getCrc(),
                    entry.getSize(),
                    suffix(LibraryLoaderUtil.getNativeLibName()));
            Path directory = folder.resolve(platform());
            Path library = directory.resolve(name);
            if (Files.isRegularFile(library) && crcOf(library) == entry.getCrc()) {
                return Optional.of(library);
            }
            copy(url, directory, name, entry.getCrc());
            return Optional.of(library);
        } catch (IOException | RuntimeException e) {
            LOG.atDebug()
                    .addKeyValue("folder", folder)
                    .setCause(e)
                    .log("sqlite native library not cached; sqlite-jdbc extracts it");
            return Optional.empty();
        }
    }

    /** Writes the library beside its final name and moves it there once its CRC is right, so no half file is used. */
    private static void copy(URL url, Path directory, String name, long expectedCrc) throws IOException {
        Files.createDirectories(directory);
        Path library = directory.resolve(name);
        Path partial = Files.createTempFile(directory, name, ".part");
        try {
            CRC32 crc = new CRC32();
            try (InputStream in = url.openStream();
                    OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    crc.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (crc.getValue() != expectedCrc) {
                throw new IOException("copy of " + url + " does not match its CRC");
            }
            FileReplacement.moveOver(partial, library);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The jar's folder for this platform below its native folder, such as {@code Linux/x86_64}. */
    private static String platform() {
        String path = LibraryLoaderUtil.getNativeLibResourcePath();
        int start = path.indexOf(NATIVE_FOLDER);
        return start < 0 ? path.replaceFirst("^/+", "") : path.substring(start + NATIVE_FOLDER.length());
    }

    private static long crcOf(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    /** {@code $XDG_CACHE_HOME/backstop/sqlite-jdbc}, else {@code ~/.cache/backstop/sqlite-jdbc}. */
    private static Path defaultFolder() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base =
                cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return base.resolve("backstop").resolve("sqlite-jdbc");
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String suffix(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }
}
