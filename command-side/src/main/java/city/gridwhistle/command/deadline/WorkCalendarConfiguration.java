package city.gridwhistle.command.deadline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration
class WorkCalendarConfiguration {

    static final String CALENDAR = "gridwhistle/work-calendar.json";

    /** Read once at start-up: a calendar file that does not parse or has no working time stops the application. */
    @Bean
    WorkCalendar workCalendar(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(CALENDAR).getInputStream()) {
            return WorkCalendar.load(in, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the work calendar " + CALENDAR, e);
        }
    }
}
