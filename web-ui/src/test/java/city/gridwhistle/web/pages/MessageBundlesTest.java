package city.gridwhistle.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.shared.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two languages stay whole: every bundle has the same keys in Chinese and English, every key a template names
 * exists, and every state, action and urgency the pages name by value has its words.
 */
class MessageBundlesTest {

    private static final List<String> BUNDLES = List.of("messages", "rider", "worker", "supervisor", "admin");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() {
        for (String bundle : BUNDLES) {
            Set<String> zh = load(bundle).stringPropertyNames();
            Set<String> en = load(bundle + "_en").stringPropertyNames();
            assertThat(new TreeSet<>(en)).as("%s: English keys", bundle).isEqualTo(new TreeSet<>(zh));
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = allKeys();
        Set<String> missing = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Paths.get("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(template));
                while (m.find()) {
                    named.add(m.group(1));
                    if (!keys.contains(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("the templates were read").hasSizeGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStateActionAndUrgencyHasItsWords() {
        Set<String> keys = allKeys();
        Arrays.stream(CaseStatus.values()).forEach(s -> assertThat(keys).contains("status." + s));
        Arrays.stream(CaseAction.values()).forEach(a -> assertThat(keys).contains("action." + a));
        Arrays.stream(Urgency.values()).forEach(u -> assertThat(keys).contains("urgency." + u));
        List.of("DISPATCH", "ACCEPT", "HANDLE", "VERIFY").forEach(step -> assertThat(keys).contains("step." + step));
    }

    private static Set<String> allKeys() {
        Set<String> keys = new TreeSet<>();
        BUNDLES.forEach(bundle -> keys.addAll(load(bundle).stringPropertyNames()));
        return keys;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as("bundle %s", name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
