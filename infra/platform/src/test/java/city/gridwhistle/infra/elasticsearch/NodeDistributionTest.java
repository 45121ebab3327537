package city.gridwhistle.infra.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the node's jars come from: in place from a directory, extracted once from an application jar. */
class NodeDistributionTest {

    @TempDir
    Path temp;

    @Test
    void jarsInADirectoryAreUsedInPlace() throws IOException {
        Path classes = temp.resolve("classes");
        Path lib = Files.createDirectories(classes.resolve("es-node/lib"));
        Files.writeString(lib.resolve("a.jar"), "a");
        Files.writeString(lib.resolve("b.jar"), "b");

        try (URLClassLoader loader = loaderOver(classes)) {
            assertThat(NodeDistribution.libDirectory(loader, temp.resolve("cache"))).isEqualTo(lib);
        }
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void jarsInsideAnApplicationJarAreExtractedOnceAndReused() throws IOException {
        Path appJar = applicationJar(temp.resolve("app.jar"), "first");
        Path cache = temp.resolve("cache");

        Path extracted;
        try (URLClassLoader loader = loaderOver(appJar)) {
            extracted = NodeDistribution.libDirectory(loader, cache);
        }
        assertThat(extracted.getParent()).isEqualTo(cache);
        assertThat(extracted.resolve("elasticsearch-9.5.3.jar")).hasContent("server first");
        assertThat(extracted.resolve("es-node-0.1.0-SNAPSHOT.jar")).hasContent("node first");

        Files.setLastModifiedTime(extracted.resolve("es-node-0.1.0-SNAPSHOT.jar"), FileTime.from(Instant.EPOCH));
        try (URLClassLoader loader = loaderOver(appJar)) {
            assertThat(NodeDistribution.libDirectory(loader, cache)).isEqualTo(extracted);
        }
        assertThat(Files.getLastModifiedTime(extracted.resolve("es-node-0.1.0-SNAPSHOT.jar")).toInstant())
                .as("reused, not extracted again").isEqualTo(Instant.EPOCH);
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries).containsExactly(extracted);
        }
    }

    @Test
    void changedJarsAreExtractedToAFreshFolder() throws IOException {
        Path cache = temp.resolve("cache");
        Path first;
        try (URLClassLoader loader = loaderOver(applicationJar(temp.resolve("v1.jar"), "first"))) {
            first = NodeDistribution.libDirectory(loader, cache);
        }
        Path second;
        try (URLClassLoader loader = loaderOver(applicationJar(temp.resolve("v2.jar"), "second build"))) {
            second = NodeDistribution.libDirectory(loader, cache);
        }

        assertThat(second).isNotEqualTo(first);
        assertThat(second.resolve("es-node-0.1.0-SNAPSHOT.jar")).hasContent("node second build");
    }

    @Test
    void missingDistributionIsExplained() throws IOException {
        try (URLClassLoader loader = loaderOver(Files.createDirectories(temp.resolve("empty")))) {
            assertThatThrownBy(() -> NodeDistribution.libDirectory(loader, temp.resolve("cache")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("es-node/lib/*.jar");
        }
    }

    private static URLClassLoader loaderOver(Path location) throws IOException {
        // no parent: only what this test put there may be found
        return new URLClassLoader(new URL[] {location.toUri().toURL()}, null);
    }

    private static Path applicationJar(Path jar, String build) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            // directory entries, as Maven and Spring Boot write them: resource scanning walks from them
            for (String directory : List.of("es-node/", "es-node/lib/")) {
                jarOut.putNextEntry(new JarEntry(directory));
                jarOut.closeEntry();
            }
            for (String name : List.of("elasticsearch-9.5.3.jar", "es-node-0.1.0-SNAPSHOT.jar")) {
                JarEntry entry = new JarEntry("es-node/lib/" + name);
                jarOut.putNextEntry(entry);
                String content = (name.startsWith("es-node") ? "node " : "server ") + build;
                jarOut.write(content.getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
