package city.gridwhistle.web.audit;

import city.gridwhistle.infra.audit.Checkpoints;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Closes a checkpoint every interval ({@code gridwhistle.audit.checkpoint-interval}, 5 minutes by default), as a
 * db-scheduler recurring task: one row in {@code scheduled_tasks}, so in a cluster exactly one instance runs each
 * round, and a round interrupted by a crash is run again by a live instance. (Spring's own scheduling, still
 * enabled here for instance-local housekeeping, would run it on every instance.)
 */
@Configuration
@EnableScheduling
class CheckpointSchedule {

    static final String TASK = "audit-checkpoint";

    @Bean
    RecurringTask<Void> auditCheckpointTask(Checkpoints checkpoints,
                                            @Value("${gridwhistle.audit.checkpoint-interval:5m}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> checkpoints.advance());
    }
}
