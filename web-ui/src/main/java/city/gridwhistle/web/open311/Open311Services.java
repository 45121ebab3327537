package city.gridwhistle.web.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The services Open311 offers: the standard category catalogue ({@code gridwhistle/categories.json}). The
 * service name is the Chinese name; the description gives the English name and what makes a report registrable.
 * A category's {@code attributes} are the questions its service definition asks ({@link Open311Attribute}).
 */
@Component
class Open311Services {

    static final String CATALOGUE = "gridwhistle/categories.json";

    private final Map<String, Open311Service> byCode;
    private final List<Open311Service> ordered;

    Open311Services(ObjectMapper json) {
        Map<String, Open311Service> services = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
            for (JsonNode category : json.readTree(in)) {
                Open311Service service = service(category);
                services.put(service.code(), service);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CATALOGUE, e);
        }
        this.byCode = Map.copyOf(services);
        this.ordered = List.copyOf(services.values());
    }

    List<Open311Service> all() {
        return ordered;
    }

    Optional<Open311Service> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    private static Open311Service service(JsonNode category) {
        String en = category.path("en").asText();
        String condition = category.path("registrationCondition").asText("");
        String description = condition.isEmpty() ? en : en + " — " + condition;
        List<String> keywords = new ArrayList<>(List.of(category.path("zh").asText(), en,
                category.path("majorZh").asText(), category.path("majorEn").asText()));
        keywords.removeIf(String::isBlank);
        String group = category.path("majorZh").asText() + " / " + category.path("majorEn").asText();
        List<Open311Attribute> attributes = new ArrayList<>();
        for (JsonNode attribute : category.path("attributes")) {
            Map<String, String> values = new LinkedHashMap<>();
            attribute.path("values").forEach(value -> values.put(value.path("key").asText(),
                    value.path("name").asText()));
            attributes.add(new Open311Attribute(attribute.path("code").asText(), attribute.path("datatype").asText(),
                    attribute.path("required").asBoolean(false), attribute.path("description").asText(),
                    values, attribute.hasNonNull("min") ? attribute.path("min").decimalValue() : null,
                    attribute.hasNonNull("max") ? attribute.path("max").decimalValue() : null));
        }
        return new Open311Service(category.path("code").asText(), category.path("zh").asText(), description, group,
                keywords, category.path("responsibleUnit").asText(null), attributes);
    }
}
