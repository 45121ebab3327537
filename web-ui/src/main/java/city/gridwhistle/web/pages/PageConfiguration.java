package city.gridwhistle.web.pages;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: Chinese unless the user picked English ({@code ?lang=en}, remembered in a cookie for a year).
 * Nothing follows the browser's language on its own: a rider's phone set to English in Chengdu still gets the
 * city's language until they switch.
 */
@Configuration
@EnableConfigurationProperties(PageSettings.class)
class PageConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("gw-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setLanguageTagCompliant(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(LANGUAGE_PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/open311/**", "/actuator/**");
    }
}
