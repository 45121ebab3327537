package city.gridwhistle.web.audit;

import city.gridwhistle.infra.audit.Checkpoints;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Closes a checkpoint every interval ({@code gridwhistle.audit.checkpoint-interval}, 5 minutes by default). */
@Configuration
@EnableScheduling
class CheckpointSchedule {

    private final Checkpoints checkpoints;

    CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${gridwhistle.audit.checkpoint-interval:5m}",
            initialDelayString = "${gridwhistle.audit.checkpoint-interval:5m}")
    void closeCheckpoint() {
        checkpoints.advance();
    }
}
