package city.gridwhistle.infra.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the node's jars ({@code classpath*:es-node/lib/*.jar}) and hands back a directory that holds them: the
 * directory itself when they are plain files (an IDE, {@code spring-boot:run}, the tests), otherwise a copy
 * extracted once from the application jar and reused while the jars are the same.
 */
final class NodeDistribution {

    static final String JARS = "classpath*:es-node/lib/*.jar";
    private static final String COMPLETE_MARKER = ".complete";
    private static final Logger log = LoggerFactory.getLogger(NodeDistribution.class);

    private NodeDistribution() {
    }

    /**
     * @param cacheRoot where to extract the jars when they are not plain files
     * @return a directory whose {@code *.jar} are the node's whole classpath
     */
    static Path libDirectory(Path cacheRoot) {
        return libDirectory(NodeDistribution.class.getClassLoader(), cacheRoot);
    }

    static Path libDirectory(ClassLoader classLoader, Path cacheRoot) {
        List<Resource> jars = findJars(classLoader);
        Path inPlace = commonDirectory(jars);
        return inPlace != null ? inPlace : extracted(jars, cacheRoot);
    }

    private static List<Resource> findJars(ClassLoader classLoader) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(classLoader)
                    .getResources(JARS);
            if (found.length == 0) {
                throw new IllegalStateException("No Elasticsearch node jars on the classpath (" + JARS + "): the "
                        + "es-node distribution was not unpacked into this module's classes; rebuild with Maven");
            }
            return Arrays.stream(found)
                    .sorted(Comparator.comparing(jar -> Objects.requireNonNullElse(jar.getFilename(), "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + JARS, e);
        }
    }

    private static Path commonDirectory(List<Resource> jars) {
        Path directory = null;
        for (Resource jar : jars) {
            if (!jar.isFile()) {
                return null;
            }
            try {
                Path parent = jar.getFile().toPath().toAbsolutePath().getParent();
                if (directory != null && !directory.equals(parent)) {
                    return null;
                }
                directory = parent;
            } catch (IOException e) {
                return null;
            }
        }
        return directory;
    }

    private static Path extracted(List<Resource> jars, Path cacheRoot) {
        Path target = cacheRoot.resolve("es-node-lib-" + fingerprint(jars));
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        long started = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(cacheRoot);
            staging = Files.createTempDirectory(cacheRoot, target.getFileName() + ".tmp-");
            for (Resource jar : jars) {
                try (InputStream in = jar.getInputStream()) {
                    Files.copy(in, staging.resolve(Objects.requireNonNull(jar.getFilename())));
                }
            }
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            moveIntoPlace(staging, target);
            log.info("Extracted {} Elasticsearch node jars to {} in {} ms", jars.size(), target,
                    (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the Elasticsearch node jars to " + target, e);
        } finally {
            if (staging != null) {
                deleteRecursively(staging);
            }
        }
    }

    /** Two processes may extract at once: the first to rename wins, the other uses its copy. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException renameFailed) {
            if (Files.exists(target.resolve(COMPLETE_MARKER))) {
                return;
            }
            // a half-written folder of that name, left by an extraction that died
            deleteRecursively(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Names, sizes and times of the jars: cheap to read from an application jar, and they change with a build. */
    private static String fingerprint(List<Resource> jars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource jar : jars) {
                String entry = jar.getFilename() + ':' + jar.contentLength() + ':' + jar.lastModified() + '\n';
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Elasticsearch node jars", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a leftover staging folder is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }
}
