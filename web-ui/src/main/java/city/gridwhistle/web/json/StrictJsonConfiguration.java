package city.gridwhistle.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC reads JSON bodies (and the JSON parts of multipart bodies) with {@link StrictJson}'s copy of the
 * application's mapper. Only MVC's own list of converters changes: the {@code ObjectMapper} bean, which Axon's
 * serializer and the read models use, and every HTTP client's converters stay as they are.
 */
@Configuration
class StrictJsonConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                ObjectMapper strict = StrictJson.copyOf(json.getObjectMapper());
                MappingJackson2HttpMessageConverter reader = new MappingJackson2HttpMessageConverter(strict);
                reader.setSupportedMediaTypes(json.getSupportedMediaTypes());
                converters.set(i, reader);
            }
        }
    }
}
