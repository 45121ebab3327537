package city.gridwhistle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** GridWhistle (网格吹哨): riders' hazard reports become cases that grid workers close under deadlines. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GridWhistleApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(GridWhistleApplication.class, args);
    }
}
