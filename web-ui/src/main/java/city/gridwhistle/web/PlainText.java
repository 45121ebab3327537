package city.gridwhistle.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * Text a person could have typed: no control characters but tab and line breaks, no unpaired surrogates, no
 * noncharacters U+FFFE/U+FFFF. Such characters come only from broken or hostile clients; PostgreSQL refuses NUL in
 * text columns and an unpaired surrogate cannot be encoded as UTF-8, so they are refused at the door (400) rather
 * than recorded in an event that later readers choke on. On a string, or on each string of a collection.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    String message() default "contains characters that are not text (control characters or broken Unicode)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks strings and collections of strings; anything else passes. */
    class Validator implements ConstraintValidator<PlainText, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            if (value instanceof CharSequence text) {
                return isPlain(text);
            }
            if (value instanceof Collection<?> values) {
                return values.stream().allMatch(v -> !(v instanceof CharSequence text) || isPlain(text));
            }
            return true;
        }

        public static boolean isPlain(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                        || c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    return false;
                }
            }
            return true;
        }
    }
}
