package city.gridwhistle.query.notify;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How riders are told.
 *
 * @param zone      the zone due times are written in
 * @param platforms the partner platforms a webhook may be registered for (the values of a rider's platform)
 * @param webhooks  how deliveries are retried: first retry after {@code firstRetry}, each next one
 *                  {@code backoffRate} times later, given up after {@code maxAttempts}; {@code timeout} per call;
 *                  {@code allowLoopback} lets webhooks point at this machine (tests only: {@link WebhookAddresses})
 */
@ConfigurationProperties("gridwhistle.notify")
public record NotifyProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"美团", "饿了么", "顺丰同城", "闪送", "滴滴出行", "达达"}) List<String> platforms,
        @DefaultValue Webhooks webhooks) {

    public record Webhooks(
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("2.0") double backoffRate,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("false") boolean allowLoopback) {
    }
}
