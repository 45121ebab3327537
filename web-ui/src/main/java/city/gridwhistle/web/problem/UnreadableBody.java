package city.gridwhistle.web.problem;

import city.gridwhistle.web.json.StrictJson;
import city.gridwhistle.web.json.StrictJsonConfiguration;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON body that could not be read, as one field error: the field by its path
 * ({@code lat}, {@code photos[1]}, {@code limits.accept.amount}; {@code body} for the body as a whole) and, for a
 * value of the wrong type, the type expected and the type sent. Jackson's messages are not passed on: they name
 * Java classes.
 */
final class UnreadableBody {

    static final String BODY = "body";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Set<Class<?>> WHOLE = Set.of(int.class, long.class, short.class, byte.class, Integer.class,
            Long.class, Short.class, Byte.class, BigInteger.class);

    private UnreadableBody() {
    }

    static FieldError errorOf(Throwable cause) {
        if (cause == null) {
            return new FieldError(BODY, "a JSON body is required");
        }
        if (cause instanceof java.io.CharConversionException) {
            return new FieldError(BODY, StrictJsonConfiguration.NOT_UTF8);
        }
        Throwable root = rootOf(cause);
        String path = cause instanceof JsonMappingException mapping ? path(mapping) : "";
        Matcher duplicate = root instanceof StreamReadException ? DUPLICATE.matcher(root.getMessage()) : null;
        if (duplicate != null && duplicate.find()) {
            return new FieldError(join(path, duplicate.group(1)), "given twice; give each field once");
        }
        if (root instanceof StreamConstraintsException) {
            return new FieldError(BODY, "the body is nested too deeply or holds a value too long");
        }
        if (!(cause instanceof JsonMappingException mapping)) {
            return new FieldError(BODY, "the body is not valid JSON");
        }
        String field = path.isEmpty() ? BODY : path;
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            // the path ends with the unknown field's name
            return new FieldError(path.isEmpty() ? unknown.getPropertyName() : path,
                    "unknown field" + (known.isEmpty() ? "" : "; the fields are " + known));
        }
        if (mapping.getOriginalMessage() != null && mapping.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldError(BODY, "the body must be one JSON value; something follows it");
        }
        if (root instanceof InputCoercionException outOfRange) {
            return new FieldError(field, "expected " + range(outOfRange.getTargetType()));
        }
        if (mapping instanceof StrictJson.NotPlainTextException) {
            return new FieldError(field, "contains characters that are not text (control characters or broken Unicode)");
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return new FieldError(field, mismatch(mismatch));
        }
        return new FieldError(field, "cannot read this value");
    }

    private static String mismatch(MismatchedInputException mismatch) {
        Class<?> type = mismatch.getTargetType();
        String expected = expected(type);
        String given = mismatch instanceof InvalidFormatException format ? kindOf(format.getValue())
                : mismatch.getProcessor() instanceof JsonParser parser ? kindOf(parser.currentToken()) : null;
        boolean readFromText = type != null && !CharSequence.class.isAssignableFrom(type)
                && (type.isEnum() || TemporalAccessor.class.isAssignableFrom(type) || type == UUID.class);
        if (given == null || given.equals("text") && readFromText) {
            return "expected " + expected;
        }
        return "expected " + expected + ", not " + given;
    }

    /** The kind of JSON value a client sent, as the problem names it. */
    private static String kindOf(Object value) {
        return switch (value) {
            case String text when text.isEmpty() -> "an empty string";
            case String text -> "text";
            case Boolean b -> "true or false";
            case Integer i -> "a whole number";
            case Long l -> "a whole number";
            case BigInteger i -> "a whole number";
            case Number n -> "a number with a fraction";
            case null, default -> null;
        };
    }

    private static String kindOf(JsonToken token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }

    /** The JSON a field of this Java type takes, in the API's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text (a JSON string)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (WHOLE.contains(type)) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + " (as text)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an instant as text, such as 2026-11-29T08:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date as text, such as 2026-11-29";
        }
        if (TemporalAccessor.class.isAssignableFrom(type)) {
            return "a date or time as ISO 8601 text";
        }
        if (type == UUID.class) {
            return "a UUID as text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "a number within range";
    }

    /** {@code a.b[0].c}, from Jackson's references (a field's name, or an element's index). */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static Throwable rootOf(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && !Objects.equals(root.getCause(), root)) {
            root = root.getCause();
        }
        return root;
    }
}
