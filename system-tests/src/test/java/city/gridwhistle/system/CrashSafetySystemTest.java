package city.gridwhistle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under a steady stream of reports the application is killed with SIGKILL at random moments, several times, and
 * started again each time: every report answered 201 is in the event store and, after the restarts, in search; no
 * case is half-written; every deadline (a drill category's, due seconds after filing, so that many fall due while
 * the application is down or restarting) fires exactly once.
 */
class CrashSafetySystemTest {

    private static final Logger log = LoggerFactory.getLogger(CrashSafetySystemTest.class);
    private static final String DATABASE = "crash_safety";
    private static final String DRILL = "T9911";
    private static final int DRILL_SECONDS = 10;

    private AppInstance app;

    @AfterEach
    void killApp() {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void killedAtRandomMomentsTheApplicationKeepsEveryAcknowledgedReportAndFiresEachDeadlineOnce() {
        int kills = Integer.getInteger("system-tests.crash.kills", 3);
        int runSeconds = Integer.getInteger("system-tests.crash.run-between-kills-seconds", 6);
        String url = SharedServers.freshDatabase(DATABASE);
        SharedServers.emptyElasticsearch();
        Http.useDatabase(DATABASE);
        Store store = new Store(url);
        String es = SharedServers.elasticsearch().httpUri().toString();
        Random random = new Random(20261129L);

        app = AppInstance.of("crash", url, es, List.of()).start();
        await("the demo city").atMost(Duration.ofMinutes(2)).until(store::demoCityLoaded);
        store.drillCategory(DRILL, DRILL_SECONDS);

        List<String> killedAt = new ArrayList<>();
        ReportLoad load = new ReportLoad(n -> app.http(), DRILL, 4, Duration.ofMinutes(10)).start();
        try {
            for (int kill = 1; kill <= kills; kill++) {
                int before = load.acknowledgedCount();
                boolean whileStarting = kill % 3 == 2;
                if (whileStarting) {
                    // during start-up: the processors starting, the scheduler picking deadlines that fell due
                    app.launch();
                    AppInstance.sleep(Duration.ofMillis(3_000 + random.nextInt(15_000)));
                } else {
                    if (!app.isAlive()) {
                        app.start();
                    }
                    AppInstance.sleep(Duration.ofMillis(1_000 + random.nextInt(runSeconds * 1_000)));
                }
                app.kill();
                killedAt.add((whileStarting ? "starting" : "running") + ", after " + (load.acknowledgedCount() - before)
                        + " more reports");
                log.info("kill {}: {}", kill, killedAt.getLast());
            }
            app.start();
            // a last stretch of load on the restarted application
            int before = load.acknowledgedCount();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() > before + 20);
        } finally {
            load.close();
        }
        log.info("{} kills ({}); {} reports acknowledged; {} sent but unanswered (in flight at a kill); outcomes {}",
                kills, killedAt, load.acknowledgedCount(), load.outcomes().getOrDefault(Http.NO_ANSWER, 0),
                load.outcomes());
        assertThat(load.acknowledgedCount()).as("reports answered 201").isGreaterThan(50);

        Checks.everyAcknowledgedCaseIsStoredWhole(store, load.acknowledged());
        Checks.everyCaseIsSearchableAtItsLatestEvent(store, new Http(es), Duration.ofSeconds(90));
        Checks.everyDeadlineFiredOnce(store, Duration.ofSeconds(90));
        Checks.everyReporterIsNotifiedOnceOfEachStep(store, Duration.ofSeconds(60));
        Checks.everyCaseIsSearchableAtItsLatestEvent(store, new Http(es), Duration.ofSeconds(60));
    }
}
