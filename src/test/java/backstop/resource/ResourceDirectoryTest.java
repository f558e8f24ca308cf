package backstop.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a resource folder the way the shaded jar holds it, and the way the tests' class folders do. */
class ResourceDirectoryTest {
    @TempDir
    Path folder;

    @Test
    void listsTheFilesDirectlyInAFolderInsideAJarSortedWithoutSubfoldersOrHiddenFiles() throws IOException {
        Path jar = folder.resolve("catalogue.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {
                "exercise/",
                "exercise/illustrations/",
                "exercise/illustrations/b.svg",
                "exercise/illustrations/a.svg",
                "exercise/illustrations/.hidden",
                "exercise/illustrations/old/",
                "exercise/illustrations/old/c.svg",
                "exercise/illustrations-extra/d.svg",
                "exercise/other.json"
            }) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write(name.getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ResourceDirectory illustrations = new ResourceDirectory(loader, "exercise/illustrations");

            assertThat(illustrations.fileNames()).containsExactly("a.svg", "b.svg");
            assertThat(illustrations.read("a.svg"))
                    .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                            .isEqualTo("exercise/illustrations/a.svg"));
            assertThat(new ResourceDirectory(loader, "exercise/missing").fileNames())
                    .isEmpty();
        }
    }

    @Test
    void listsAFolderOnDiskTheSameWay() throws IOException {
        Path illustrations = Files.createDirectories(folder.resolve("exercise/illustrations/old"));
        Files.writeString(illustrations.getParent().resolve("b.svg"), "b");
        Files.writeString(illustrations.getParent().resolve("a.svg"), "a");
        Files.writeString(illustrations.getParent().resolve(".hidden"), "x");
        Files.writeString(illustrations.resolve("c.svg"), "c");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
            assertThat(new ResourceDirectory(loader, "exercise/illustrations").fileNames())
                    .containsExactly("a.svg", "b.svg");
        }
    }
}
