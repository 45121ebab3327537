package city.gridwhistle.infra.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded node as the application uses it: through the official Java client, searching Chinese and English. */
class EmbeddedElasticsearchIntegrationTest {

    private static final String INDEX = "reports-cjk";
    private static final String MANHOLE = "manhole";
    private static final String STREETLIGHT = "streetlight";
    private static final String DARK_LAMP = "dark-lamp";

    private static final String MAPPING = """
            {
              "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 0,
                "analysis": {
                  "filter": {
                    "cjk_bigram_with_unigrams": { "type": "cjk_bigram", "output_unigrams": true },
                    "cjk_unigrams_only": { "type": "cjk_bigram", "ignored_scripts": ["han"] }
                  },
                  "analyzer": {
                    "report_text": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["cjk_width", "lowercase", "cjk_bigram_with_unigrams"]
                    },
                    "report_text_search": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["cjk_width", "lowercase", "cjk_bigram"]
                    },
                    "han_unigrams": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["cjk_unigrams_only"]
                    },
                    "english": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["lowercase", "porter_stem"]
                    }
                  }
                }
              },
              "mappings": {
                "properties": {
                  "description": {
                    "type": "text", "analyzer": "report_text", "search_analyzer": "report_text_search"
                  }
                }
              }
            }
            """;

    private static ElasticsearchClient client;

    @BeforeAll
    static void indexReports() throws IOException {
        client = TestNodes.sharedClient();
        client.indices().create(create -> create.index(INDEX).withJson(new StringReader(MAPPING)));
        index(MANHOLE, "成龙路粮丰社区窨井盖缺失，电动车差点掉进去");
        index(STREETLIGHT, "Streetlight out on Chenglong Road");
        index(DARK_LAMP, "成龙路路灯不亮，晚上很黑");
        client.indices().refresh(refresh -> refresh.index(INDEX));
    }

    private static void index(String id, String description) throws IOException {
        client.index(request -> request.index(INDEX).id(id).document(Map.of("description", description))
                .refresh(Refresh.WaitFor));
    }

    @Test
    void answersInfoLikeAPackagedNode() throws IOException {
        InfoResponse info = client.info();

        assertThat(info.version().number()).isEqualTo("9.5.3");
        assertThat(info.version().buildSnapshot()).isFalse();
        assertThat(info.clusterName()).isEqualTo("gridwhistle");
        assertThat(info.tagline()).isEqualTo("You Know, for Search");
        assertThat(client.ping().value()).isTrue();
    }

    @Test
    void clusterIsHealthy() throws IOException {
        HealthResponse health = client.cluster().health(request -> request.waitForStatus(HealthStatus.Yellow));

        assertThat(health.status()).isIn(HealthStatus.Green, HealthStatus.Yellow);
        assertThat(health.numberOfNodes()).isEqualTo(1);
    }

    @Test
    void twoCharacterWordFindsOnlyTheReportContainingIt() throws IOException {
        assertThat(matching("井盖")).containsExactly(MANHOLE);
    }

    @Test
    void bigramAcrossWordBoundaryFindsTheReport() throws IOException {
        assertThat(matching("盖缺")).containsExactly(MANHOLE);
    }

    @Test
    void phraseFindsTheReport() throws IOException {
        assertThat(ids(Query.of(q -> q.matchPhrase(m -> m.field("description").query("井盖缺失"))))).containsExactly(MANHOLE);
        assertThat(ids(Query.of(q -> q.matchPhrase(m -> m.field("description").query("井盖不亮"))))).isEmpty();
    }

    @Test
    void singleCharacterFindsTheReportThroughItsUnigram() throws IOException {
        assertThat(matching("井")).containsExactly(MANHOLE);
    }

    @Test
    void sharedPlaceNameFindsBothChineseReports() throws IOException {
        assertThat(matching("成龙路")).containsExactlyInAnyOrder(MANHOLE, DARK_LAMP);
    }

    @Test
    void englishWordIsFoundCaseInsensitively() throws IOException {
        assertThat(matching("streetlight")).containsExactly(STREETLIGHT);
        assertThat(matching("CHENGLONG")).containsExactly(STREETLIGHT);
    }

    @Test
    void fullWidthLatinIsFoldedToHalfWidth() throws IOException {
        assertThat(matching("ｓｔｒｅｅｔｌｉｇｈｔ")).containsExactly(STREETLIGHT);
    }

    @Test
    void ignoredScriptsAreLeftAsUnigrams() throws IOException {
        assertThat(tokens("han_unigrams", "井盖")).containsExactly("井", "盖");
    }

    @Test
    void porterStemmerIsAvailableByName() throws IOException {
        assertThat(tokens("english", "Streetlights flickering")).containsExactly("streetlight", "flicker");
    }

    private static List<String> matching(String text) throws IOException {
        return ids(Query.of(q -> q.match(m -> m.field("description").query(text))));
    }

    private static List<String> ids(Query query) throws IOException {
        return client.search(search -> search.index(INDEX).query(query), Map.class)
                .hits().hits().stream().map(Hit::id).toList();
    }

    private static List<String> tokens(String analyzer, String text) throws IOException {
        return client.indices().analyze(request -> request.index(INDEX).analyzer(analyzer).text(text))
                .tokens().stream().map(AnalyzeToken::token).toList();
    }
}
