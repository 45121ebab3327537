package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.TestSearchNode;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.access.ViewerDirectory;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The visibility rule is written once ({@code CaseVisibility}) and applied to the index as a search filter: for
 * every kind of reader and every level of sight, the cases the filter finds on a real index are exactly those the
 * rule gives that reader at least that much of. Cases of every shape: three states (open, closed, voided), two
 * districts, two assignees, reporters and corroborators, followers, and a document indexed before reporterIds.
 */
class CaseAccessIntegrationTest {

    private static final String INDEX = "cases-access-test";
    private static final String JINJIANG_CELL = "51010400100101";
    private static final String LONGQUANYI_CELL = "51011200100101";
    /** The cells each grid worker of the test answers for. */
    private static final Map<String, List<String>> CELLS = Map.of("W1", List.of(JINJIANG_CELL),
            "W2", List.of(), "W3", List.of(LONGQUANYI_CELL));

    private static final List<Actor> READERS = List.of(
            new Actor("A1", Role.ADMIN), new Actor("S1", Role.SUPERVISOR), new Actor("S2", Role.SUPERVISOR, "510104"),
            new Actor("S3", Role.SUPERVISOR, "510112"), new Actor("W1", Role.GRID_WORKER),
            new Actor("W2", Role.GRID_WORKER), new Actor("W3", Role.GRID_WORKER), new Actor("R1", Role.RIDER),
            new Actor("R2", Role.RIDER), new Actor("R3", Role.RIDER), new Actor("R4", Role.RIDER),
            new Actor("P1", Role.PARTNER), Actor.SYSTEM);

    private static final ElasticsearchClient client = TestSearchNode.client();
    private static final CaseAccess access = new CaseAccess(new ViewerDirectory(new JdbcTemplate()) {
        @Override
        public List<String> cellsOf(String workerId) {
            return CELLS.getOrDefault(workerId, List.of());
        }
    });
    private static final List<CaseDocument> cases = new ArrayList<>();

    @BeforeAll
    static void indexCasesOfEveryShape() throws IOException {
        int n = 0;
        for (CaseStatus status : List.of(CaseStatus.DISPATCHED, CaseStatus.CLOSED, CaseStatus.VOIDED)) {
            for (String cell : List.of(JINJIANG_CELL, LONGQUANYI_CELL)) {
                for (String worker : List.of("W1", "W2")) {
                    for (int reporters = 0; reporters < 4; reporters++) {
                        CaseDocument doc = new CaseDocument();
                        doc.caseId = "case-" + n++;
                        doc.status = status;
                        doc.cellCode = cell;
                        doc.districtCode = cell.substring(0, 6);
                        doc.workerId = worker;
                        switch (reporters) {
                            case 0 -> reported(doc, "R1");
                            case 1 -> reported(doc, "R1", "R2");
                            case 2 -> reported(doc, "P1").followerIds.add("R3");
                            default -> { // indexed before reporterIds: the first reporter only
                                doc.reporterId = "R2";
                                doc.followerIds.addAll(List.of("R2", "R3"));
                            }
                        }
                        doc.version = 0;
                        cases.add(doc);
                    }
                }
            }
        }
        TestSearchNode.index().createUnaliased(INDEX);
        new CaseDocumentStore(client).saveAll(INDEX, cases);
        client.indices().refresh(r -> r.index(INDEX));
    }

    @AfterAll
    static void dropTheIndex() throws IOException {
        client.indices().delete(d -> d.index(INDEX));
    }

    static Stream<Object[]> readersAndSights() {
        return READERS.stream().flatMap(reader -> Stream.of(CaseSight.PUBLIC, CaseSight.FOLLOWER, CaseSight.REPORTER,
                CaseSight.HANDLER).map(sight -> new Object[] {reader, sight}));
    }

    @ParameterizedTest(name = "{0} at least {1}")
    @MethodSource("readersAndSights")
    void theFilterFindsExactlyWhatTheRuleGives(Actor reader, CaseSight least) throws IOException {
        CaseAccess.Reader seen = access.reader(reader);
        Set<String> byRule = cases.stream().filter(doc -> seen.sightOf(doc.parties()).atLeast(least))
                .map(doc -> doc.caseId).collect(Collectors.toCollection(TreeSet::new));

        Set<String> byIndex = client.search(s -> s.index(INDEX).query(seen.filter(least)).size(cases.size()),
                        Void.class).hits().hits().stream().map(Hit::id)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(byIndex).isEqualTo(byRule);
    }

    private static CaseDocument reported(CaseDocument doc, String... reporters) {
        doc.reporterId = reporters[0];
        doc.reporterIds.addAll(List.of(reporters));
        doc.followerIds.addAll(List.of(reporters));
        return doc;
    }
}
