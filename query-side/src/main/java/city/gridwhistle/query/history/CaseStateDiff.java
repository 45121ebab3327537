package city.gridwhistle.query.history;

import city.gridwhistle.api.audit.FieldChange;
import city.gridwhistle.api.casework.CaseView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields in which two states of a case differ, found generically over the view's JSON form, so a field added
 * to {@link CaseView} is compared without anyone remembering to list it here. Nested objects (the cell, the
 * location) are compared field by field and named by path; lists are compared whole.
 */
final class CaseStateDiff {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CaseStateDiff() {
    }

    static List<FieldChange> between(CaseView before, CaseView after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", JSON.valueToTree(before), JSON.valueToTree(after), changes);
        return changes;
    }

    private static void compare(String prefix, JsonNode before, JsonNode after, List<FieldChange> changes) {
        Set<String> fields = new LinkedHashSet<>();
        fieldNames(before, fields);
        fieldNames(after, fields);
        for (String field : fields) {
            JsonNode was = valueOf(before, field);
            JsonNode is = valueOf(after, field);
            String path = prefix + field;
            if (was.isObject() && is.isObject()) {
                compare(path + ".", was, is, changes);
            } else if (!was.equals(is)) {
                changes.add(new FieldChange(path, plain(was), plain(is)));
            }
        }
    }

    private static void fieldNames(JsonNode node, Set<String> into) {
        if (node != null && node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                into.add(names.next());
            }
        }
    }

    private static JsonNode valueOf(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null ? JSON.nullNode() : value;
    }

    /** Plain data (text, number, boolean, list, map) that any JSON writer renders as it was. */
    private static Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        return JSON.convertValue(value, Object.class);
    }
}
