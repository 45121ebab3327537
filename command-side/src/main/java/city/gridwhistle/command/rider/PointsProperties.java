package city.gridwhistle.command.rider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The points rules (积分规则), as data: what a verified and closed case is worth to the rider who reported it and
 * to each rider who corroborated it, and the most one rider earns in a day. A voided case is worth nothing, so it
 * has no rule.
 */
@ConfigurationProperties("gridwhistle.points")
public record PointsProperties(@DefaultValue("10") int verifiedCase, @DefaultValue("3") int corroboration,
                               @DefaultValue("50") int dailyCap) {
}
