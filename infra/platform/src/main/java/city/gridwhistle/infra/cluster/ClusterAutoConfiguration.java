package city.gridwhistle.infra.cluster;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The segment balancer, on by default ({@code gridwhistle.cluster.balance-segments}); its round every
 * {@code gridwhistle.cluster.balance-interval} (2 s: three of them must stay below the token claim timeout).
 */
@AutoConfiguration(afterName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"})
@ConditionalOnBean(EventProcessingConfiguration.class)
@ConditionalOnProperty(name = "gridwhistle.cluster.balance-segments", matchIfMissing = true)
public class ClusterAutoConfiguration {

    @Bean
    public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, DataSource dataSource,
                                           @Value("${gridwhistle.cluster.balance-interval:2s}") Duration interval,
                                           @Value("${gridwhistle.cluster.release-for:10s}") Duration releaseFor) {
        return new SegmentBalancer(processing, new JdbcTemplate(dataSource), interval, releaseFor);
    }
}
