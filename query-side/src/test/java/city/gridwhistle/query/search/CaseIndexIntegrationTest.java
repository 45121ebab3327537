package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.query.TestSearchNode;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The definition's refresh interval reaches the index behind the alias: on a later start, and after a rebuild. */
class CaseIndexIntegrationTest {

    private final ElasticsearchClient client = TestSearchNode.client();

    @Test
    void aLaterStartAndARebuildBothLeaveTheDefinitionsRefreshInterval() throws IOException {
        CaseIndex live = TestSearchNode.index();
        client.indices().putSettings(p -> p.index(CaseIndex.ALIAS).settings(s -> s.refreshInterval(t -> t.time("7s"))));
        assertThat(refreshInterval(live.currentIndex())).isEqualTo("7s");

        CaseIndex restarted = new CaseIndex(client);
        restarted.ensureReady();
        assertThat(refreshInterval(restarted.currentIndex())).isEqualTo("1s");

        String from = restarted.currentIndex();
        String to = restarted.nextIndex();
        restarted.createUnaliased(to);
        assertThat(refreshInterval(to)).as("filled without refreshing").isEqualTo("-1");
        restarted.swap(from, to);
        try {
            assertThat(refreshInterval(restarted.currentIndex())).isEqualTo("1s");
        } finally {
            // leave the shared node as other tests expect it: the next index behind the alias, the old one gone
            restarted.delete(from);
        }
    }

    private String refreshInterval(String index) throws IOException {
        return client.indices().getSettings(g -> g.index(index).name("index.refresh_interval"))
                .get(index).settings().index().refreshInterval().time();
    }
}
