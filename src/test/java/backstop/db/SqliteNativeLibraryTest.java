package backstop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
    @TempDir
    Path cache;

    @Test
    void theLibraryIsCopiedOnceWithTheJarsExactBytes() throws IOException {
        Path library = SqliteNativeLibrary.cachedCopyIn(cache).orElseThrow();

        assertThat(library).startsWith(cache).isRegularFile();
        assertThat(Files.readAllBytes(library)).isEqualTo(jarCopy());
    }

    @Test
    void aLaterStartUsesTheCopyAlreadyMade() throws IOException {
        Path library = SqliteNativeLibrary.cachedCopyIn(cache).orElseThrow();
        FileTime madeAt = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, madeAt);

        assertThat(SqliteNativeLibrary.cachedCopyIn(cache)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(madeAt);
    }

    @Test
    void aDamagedCopyIsMadeAgain() throws IOException {
        Path library = SqliteNativeLibrary.cachedCopyIn(cache).orElseThrow();
        byte[] damaged = Files.readAllBytes(library);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(library, damaged);

        assertThat(SqliteNativeLibrary.cachedCopyIn(cache)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(jarCopy());
        try (var files = Files.list(library.getParent())) {
            assertThat(files).as("no partial copy left behind").containsExactly(library);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheChoiceToSqliteJdbc() throws IOException {
        Path notAFolder = Files.writeString(cache.resolve("a-file"), "in the way");

        assertThat(SqliteNativeLibrary.cachedCopyIn(notAFolder)).isEmpty();
    }

    private static byte[] jarCopy() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
