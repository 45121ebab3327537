package city.gridwhistle.web.open311;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A question a service asks beside the description (GeoReport v2's service definition), from the category's
 * {@code attributes} in {@code gridwhistle/categories.json}: a choice from a list, or a number in a range.
 *
 * @param values the allowed keys and their names, for {@code singlevaluelist}
 * @param min    the least number allowed, for {@code number}
 * @param max    the greatest number allowed, for {@code number}
 */
record Open311Attribute(String code, String datatype, boolean required, String description,
                        Map<String, String> values, BigDecimal min, BigDecimal max) {

    static final String LIST = "singlevaluelist";
    static final String NUMBER = "number";
    /** The longest value kept: list keys and numbers are short, and nothing free-form is taken. */
    static final int MAX_VALUE_LENGTH = 32;

    Open311Attribute {
        if (!LIST.equals(datatype) && !NUMBER.equals(datatype)) {
            throw new IllegalArgumentException("attribute " + code + ": datatype " + datatype + " is not offered");
        }
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value as stored, or a reason why it is not one of this attribute's. */
    String check(String given) {
        String value = given == null ? "" : given.trim();
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw Open311Exception.badRequest("attribute[" + code + "] needs a value" + hint());
        }
        if (LIST.equals(datatype)) {
            if (!values.containsKey(value)) {
                throw Open311Exception.badRequest("attribute[" + code + "] is not '" + value + "'" + hint());
            }
            return value;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
                throw Open311Exception.badRequest("attribute[" + code + "] is out of range" + hint());
            }
            return number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest("attribute[" + code + "] is a number" + hint());
        }
    }

    private String hint() {
        return LIST.equals(datatype) ? ": one of " + String.join(", ", values.keySet())
                : ": a number from " + min.toPlainString() + " to " + max.toPlainString();
    }

    /** As the service definition lists it. */
    Map<String, Object> definition(int order) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", code);
        attribute.put("datatype", datatype);
        attribute.put("required", required);
        attribute.put("datatype_description", LIST.equals(datatype) ? "one of the values' keys"
                : "a number from " + min.toPlainString() + " to " + max.toPlainString());
        attribute.put("order", order);
        attribute.put("description", description);
        if (LIST.equals(datatype)) {
            List<Object> listed = values.entrySet().stream().map(value -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("key", value.getKey());
                one.put("name", value.getValue());
                return (Object) one;
            }).toList();
            attribute.put("values", listed);
        }
        return attribute;
    }
}
