package city.gridwhistle.web.json;

import city.gridwhistle.web.PlainText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * A copy of the application's mapper that reads request bodies strictly: a value must already have the type its
 * field has. Text is not read from a number or a boolean, a number or boolean not from text, a whole number not
 * from a fraction, text only if it is text a person could have typed (no NUL, no control character, no broken
 * Unicode), a date or instant only from text (never from a number, which Jackson would take as seconds
 * since 1970), an object, enum or id never from an empty string; a null for a primitive, a field the body type does
 * not have, a field given twice and a second value after the body are refused. The copy writes exactly as the
 * original: only reading is configured.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The strict reader's copy of {@code mapper}; {@code mapper} itself is left as it is. */
    public static ObjectMapper copyOf(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT);
        // the copy has a factory of its own, so the original's parsers keep their settings
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        refuse(strict, List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean),
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(strict, List.of(LogicalType.Integer), CoercionInputShape.Float);
        refuse(strict, List.of(LogicalType.Boolean), CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(strict, List.of(LogicalType.Textual, LogicalType.OtherScalar),
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        // every type but text: an empty string is no value of it (Jackson would make it null for an id or a date)
        strict.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("strict-json").setDeserializerModifier(new TimeFromTextOnly())
                .addDeserializer(String.class, new PlainString()));
        return strict;
    }

    private static void refuse(ObjectMapper mapper, List<LogicalType> targets, CoercionInputShape... inputs) {
        for (LogicalType target : targets) {
            for (CoercionInputShape input : inputs) {
                mapper.coercionConfigFor(target).setCoercion(input, CoercionAction.Fail);
            }
        }
    }

    /**
     * Text is text a person could have typed ({@link PlainText}): no NUL or other control character but tab and line
     * breaks, no unpaired surrogate, no noncharacter. In every string of every body, inside lists too, whether or
     * not its field says {@code @PlainText}: PostgreSQL refuses NUL and an unpaired surrogate has no UTF-8.
     */
    private static final class PlainString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && !PlainText.Validator.isPlain(text)) {
                throw new NotPlainTextException(parser);
            }
            return text;
        }
    }

    /** A string in a body holds what is not text; the field is named by the path Jackson adds on the way out. */
    public static final class NotPlainTextException extends MismatchedInputException {

        NotPlainTextException(JsonParser parser) {
            super(parser, "not plain text", String.class);
        }
    }

    /** Dates, times and instants come as ISO 8601 text only; java.time's readers would take numbers and arrays. */
    private static final class TimeFromTextOnly extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                                                      JsonDeserializer<?> deserializer) {
            return TemporalAccessor.class.isAssignableFrom(type.getBeanClass()) ? new TextOnly(deserializer)
                    : deserializer;
        }
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
