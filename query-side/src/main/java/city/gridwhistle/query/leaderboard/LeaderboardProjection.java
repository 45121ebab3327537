package city.gridwhistle.query.leaderboard;

import city.gridwhistle.api.rider.LeaderboardNameSetEvent;
import city.gridwhistle.api.rider.PersonalDataErasedEvent;
import city.gridwhistle.api.rider.PointsAwardedEvent;
import city.gridwhistle.api.rider.RiderRegisteredEvent;
import city.gridwhistle.infra.privacy.SealedTexts;
import java.time.ZoneId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Points per rider, district and month, and the riders' chosen names. Idempotent: each award is keyed by its
 * event id, so a replay adds nothing twice. A name sealed under its rider's key is opened here; an erased rider
 * leaves the tables, and a replay meets their name with the key already destroyed.
 */
@Component
@ProcessingGroup(LeaderboardProjection.GROUP)
public class LeaderboardProjection {

    public static final String GROUP = "leaderboard";
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final SealedTexts texts;

    public LeaderboardProjection(JdbcTemplate jdbc, SealedTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    @EventHandler
    void on(RiderRegisteredEvent event) {
        jdbc.update("""
                insert into leaderboard_rider (rider_id, district_code) values (?, ?)
                on conflict (rider_id) do update set district_code = excluded.district_code""",
                event.riderId(), event.districtCode());
    }

    @EventHandler
    void on(LeaderboardNameSetEvent event) {
        String name = texts.openOrPlain(event.riderId(), LeaderboardNameSetEvent.DISPLAY_NAME,
                event.sealedDisplayName(), event.displayName()).orElse(null);
        jdbc.update("update leaderboard_rider set display_name = ? where rider_id = ?", name, event.riderId());
    }

    /**
     * An erased rider leaves the leaderboard, whatever name they had chosen, with their points; points awarded to
     * them afterwards count for nobody (no rider row joins them).
     */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("delete from leaderboard_rider where rider_id = ?", event.riderId());
        jdbc.update("delete from leaderboard_award where rider_id = ?", event.riderId());
    }

    @EventHandler
    void on(PointsAwardedEvent event, @org.axonframework.messaging.annotation.MessageIdentifier String eventId) {
        jdbc.update("""
                insert into leaderboard_award (event_id, rider_id, month, points) values (?, ?, ?, ?)
                on conflict (event_id) do nothing""",
                eventId, event.riderId(), event.at().atZone(CITY).toLocalDate().withDayOfMonth(1), event.points());
    }
}
