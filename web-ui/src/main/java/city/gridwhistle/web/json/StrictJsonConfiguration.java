package city.gridwhistle.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC reads JSON bodies (and the JSON parts of multipart bodies) with {@link StrictJson}'s copy of the
 * application's mapper. Only MVC's own list of converters changes: the {@code ObjectMapper} bean, which Axon's
 * serializer and the read models use, and every HTTP client's converters stay as they are.
 */
@Configuration
public class StrictJsonConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                ObjectMapper strict = StrictJson.copyOf(json.getObjectMapper());
                MappingJackson2HttpMessageConverter reader = new Utf8Only(strict);
                reader.setSupportedMediaTypes(json.getSupportedMediaTypes());
                converters.set(i, reader);
            }
        }
    }

    /**
     * JSON bodies in UTF-8 only (RFC 8259 §8.1): Jackson would otherwise detect UTF-16 and UTF-32 from the first bytes
     * and read {@code FF FE 7B 00 7D 00} as {@code {}}. A charset other than UTF-8, or a NUL among the first four
     * bytes (which JSON in UTF-8 never has), is refused before anything is read.
     */
    static final class Utf8Only extends MappingJackson2HttpMessageConverter {

        Utf8Only(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            return super.read(type, contextClass, checked(input));
        }

        @Override
        protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
            return super.readInternal(type, checked(input));
        }

        private static HttpInputMessage checked(HttpInputMessage input) throws IOException {
            MediaType contentType = input.getHeaders().getContentType();
            Charset charset = contentType == null ? null : contentType.getCharset();
            if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                throw notUtf8(input);
            }
            BufferedInputStream body = new BufferedInputStream(input.getBody());
            body.mark(4);
            byte[] first = body.readNBytes(4);
            body.reset();
            for (byte b : first) {
                if (b == 0) {
                    throw notUtf8(input);
                }
            }
            if (first.length >= 2 && (first[0] == (byte) 0xFE && first[1] == (byte) 0xFF
                    || first[0] == (byte) 0xFF && first[1] == (byte) 0xFE)) {
                throw notUtf8(input);
            }
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return body;
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
        }

        private static HttpMessageNotReadableException notUtf8(HttpInputMessage input) {
            return new HttpMessageNotReadableException("not UTF-8", new CharConversionException(NOT_UTF8), input);
        }
    }

    /** Why a body that is not UTF-8 is refused, as the problem says it. */
    public static final String NOT_UTF8 = "JSON bodies are read as UTF-8 only";
}
