package city.gridwhistle.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.api.casework.SearchCasesQuery;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Searching answers every request it cannot carry out with a 400 naming the parameter, never a 500: a page number
 * whose arithmetic would overflow, and free text with more words than the index will match at once. Text within
 * the bound is searched, however it is made up.
 */
@IntegrationTest
class CaseSearchBoundsIntegrationTest {

    @Autowired
    private TestRestTemplate server;
    private TestRestTemplate supervisor;

    @BeforeEach
    void signIn() {
        supervisor = new Api(server).as("supervisor");
    }

    @Test
    void aPageNumberAtTheEdgeOfIntIsRefusedNamingPage() {
        for (int page : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30, 500}) {
            refused("page=" + page + "&size=20", "page");
            refused("page=" + page + "&size=100", "page");
        }
    }

    @Test
    void textOfManyShortWordsIsRefusedNamingQ() {
        refused("q=" + encode("a ".repeat(2_000)), "q");
        refused("q=" + encode("井 ".repeat(600)), "q");
        refused("q=" + encode("x".repeat(SearchCasesQuery.MAX_TEXT_LENGTH + 1)), "q");
    }

    @Test
    void textWithinTheBoundIsSearchedWhateverItIsMadeOf() {
        int most = SearchCasesQuery.MAX_TEXT_LENGTH;
        for (String q : new String[] {"a ".repeat(most / 2), "井".repeat(most), "井盖 ".repeat(most / 3),
                "ab-".repeat(most / 3), "1.2.".repeat(most / 4), "𠀀".repeat(most / 2)}) {
            ResponseEntity<JsonNode> answer = search("q=" + encode(q));
            assertThat(answer.getStatusCode()).as("q of %d characters: %s", q.length(), answer.getBody())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    private void refused(String query, String parameter) {
        ResponseEntity<JsonNode> answer = search(query);
        assertThat(answer.getStatusCode()).as("%s: %s", query.substring(0, Math.min(60, query.length())),
                answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(answer.getBody().path("errors").path(0).path("field").asText()).isEqualTo(parameter);
    }

    private ResponseEntity<JsonNode> search(String query) {
        return supervisor.getForEntity(URI.create(server.getRootUri() + "/api/cases?" + query), JsonNode.class);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
