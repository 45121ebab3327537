package city.gridwhistle.web.json;

import city.gridwhistle.web.PlainText;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters, form fields and path variables are read as strictly as bodies: each value must be text a person
 * could have typed ({@link PlainText}), and a path variable, always an id or a code, at most
 * {@value #MAX_PATH_VARIABLE} characters. Checked before any handler runs, for every handler, so that no controller
 * hands a NUL to PostgreSQL or a kilobyte id to Elasticsearch (which refuses ids over 512 bytes); the answer is a 400
 * naming the parameter (Open311 in its own format).
 */
@Configuration
class PlainParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** Longer than any id or code the application hands out (UUIDs 36, photo hashes 64, usernames 64). */
    static final int MAX_PATH_VARIABLE = 128;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                String name = String.valueOf(variable.getKey());
                String value = String.valueOf(variable.getValue());
                plain(name, value);
                if (value.length() > MAX_PATH_VARIABLE) {
                    throw new InvalidParameterException(name, "at most " + MAX_PATH_VARIABLE
                            + " characters; no id or code is longer");
                }
            }
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                plain(parameter.getKey(), value);
            }
        }
        return true;
    }

    private static void plain(String name, String value) {
        // a form field without "=" has no value at all
        if (value != null && !PlainText.Validator.isPlain(value)) {
            throw new InvalidParameterException(PlainText.Validator.isPlain(name) ? name : "parameter",
                    "contains characters that are not text (control characters or broken Unicode)");
        }
    }
}
