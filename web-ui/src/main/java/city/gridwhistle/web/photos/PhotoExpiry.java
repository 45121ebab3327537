package city.gridwhistle.web.photos;

import city.gridwhistle.api.casework.FindPhotoReferencesQuery;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads that no case took expire: once an upload is older than {@code gridwhistle.photos.unattached-ttl}, its
 * record goes, and its file too unless a case holds the photo or someone sent it again since. Hourly, as a
 * db-scheduler recurring task, so in a cluster one instance runs each round.
 */
@Configuration
class PhotoExpiry {

    static final String TASK = "photo-upload-expiry";
    private static final Logger log = LoggerFactory.getLogger(PhotoExpiry.class);

    private final PhotoStore photos;
    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final Duration ttl;

    PhotoExpiry(PhotoStore photos, JdbcTemplate jdbc, QueryGateway queries, PhotoProperties properties) {
        this.photos = photos;
        this.jdbc = jdbc;
        this.queries = queries;
        this.ttl = properties.unattachedTtl();
    }

    @Bean
    RecurringTask<Void> photoUploadExpiryTask() {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> expire());
    }

    /** One round: the uploads older than the time to live, a thousand at a time. Answers how many files went. */
    int expire() {
        int deleted = 0;
        while (true) {
            List<String> old = jdbc.queryForList("""
                    select distinct sha256 from photo_upload where uploaded_at < now() - make_interval(secs => ?)
                    limit ?""", String.class, ttl.toSeconds(), FindPhotoReferencesQuery.MAX_PHOTOS);
            if (old.isEmpty()) {
                break;
            }
            Set<String> held = new HashSet<>(queries.query(new FindPhotoReferencesQuery(Set.copyOf(old)),
                    ResponseTypes.multipleInstancesOf(String.class)).join());
            for (String sha256 : old) {
                jdbc.update("delete from photo_upload where sha256 = ? and uploaded_at < now() - make_interval(secs => ?)",
                        sha256, ttl.toSeconds());
                if (!held.contains(sha256) && photos.deleteIfUnclaimed(sha256, held::contains)) {
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} photos that no case took within {}", deleted, ttl);
        }
        return deleted;
    }
}
