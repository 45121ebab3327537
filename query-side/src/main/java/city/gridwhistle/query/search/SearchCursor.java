package city.gridwhistle.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The sort values of a page's last hit, as an opaque URL-safe cursor for the next page (search_after). */
final class SearchCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchCursor() {
    }

    static String encode(List<FieldValue> sortValues) {
        List<Object> values = sortValues.stream().map(v -> v.isNull() ? null : v._get()).toList();
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<FieldValue> decode(String cursor) {
        try {
            JsonNode values = JSON.readTree(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
            if (!values.isArray()) {
                throw new IllegalArgumentException("not a cursor");
            }
            List<FieldValue> sortValues = new ArrayList<>();
            for (JsonNode value : values) {
                sortValues.add(value.isNull() ? FieldValue.NULL
                        : value.isIntegralNumber() ? FieldValue.of(value.asLong())
                        : value.isNumber() ? FieldValue.of(value.asDouble())
                        : value.isBoolean() ? FieldValue.of(value.asBoolean())
                        : FieldValue.of(value.asText()));
            }
            return sortValues;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not one this search gave out", e);
        }
    }
}
