package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseSearchResult;
import city.gridwhistle.api.casework.CaseSort;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.FindCaseQuery;
import city.gridwhistle.api.casework.GeoScope;
import city.gridwhistle.api.casework.SearchCasesQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.TestSearchNode;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.access.ViewerDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case search against a real Elasticsearch node and the checked-in index definition: 25 hand-made cases in two
 * districts, searched by text, filters and place, sorted, paged, and seen through each viewer's access filter.
 * No case carries a reporter id, so no search needs the viewer directory's PostgreSQL tables.
 */
class CaseSearchQueriesIntegrationTest {

    /** Where the running steps' due times are measured from; the overdue filter compares with the real clock. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final Actor ADMIN = new Actor("A001", Role.ADMIN, null);
    private static final Actor CITY_SUPERVISOR = new Actor("S001", Role.SUPERVISOR, null);
    private static final Actor JINJIANG_SUPERVISOR = new Actor("S002", Role.SUPERVISOR, "510104");
    private static final Actor RIDER = new Actor("R1", Role.RIDER, null);

    private record Cell(String code, String name, String districtCode, String district, String streetCode,
                        String street, String communityCode, String community, double lat, double lon) {
    }

    private record Category(String code, String majorCode, CategoryFamily family, String zh, String en) {
    }

    // 锦江区: two streets; 春熙路街道 has two communities, 红星路社区 two cells
    private static final Cell JJ_A = new Cell("510104001001-01", "红星路一网格", "510104", "锦江区", "510104001", "春熙路街道",
            "510104001001", "红星路社区", 30.6570, 104.0800);
    private static final Cell JJ_B = new Cell("510104001001-02", "红星路二网格", "510104", "锦江区", "510104001", "春熙路街道",
            "510104001001", "红星路社区", 30.6600, 104.0850);
    private static final Cell JJ_C = new Cell("510104001002-01", "北糠市街一网格", "510104", "锦江区", "510104001", "春熙路街道",
            "510104001002", "北糠市街社区", 30.6520, 104.0900);
    private static final Cell JJ_D = new Cell("510104002001-01", "和平街一网格", "510104", "锦江区", "510104002", "书院街街道",
            "510104002001", "和平街社区", 30.6650, 104.0700);
    // 成华区
    private static final Cell CH_A = new Cell("510108001001-01", "望平一网格", "510108", "成华区", "510108001", "猛追湾街道",
            "510108001001", "望平社区", 30.6680, 104.0950);
    private static final Cell CH_B = new Cell("510108002001-01", "杉板桥一网格", "510108", "成华区", "510108002", "建设路街道",
            "510108002001", "杉板桥社区", 30.6620, 104.1150);

    private static final Category MANHOLE = new Category("C0101", "C01", CategoryFamily.COMPONENT, "窨井盖", "Manhole cover");
    private static final Category STREETLIGHT = new Category("C0102", "C01", CategoryFamily.COMPONENT, "路灯", "Streetlight");
    private static final Category STREET_TREE = new Category("C0301", "C03", CategoryFamily.COMPONENT, "行道树", "Street tree");
    private static final Category RUBBISH = new Category("E0101", "E01", CategoryFamily.EVENT, "暴露垃圾", "Exposed rubbish");
    private static final Category VENDING = new Category("E0201", "E02", CategoryFamily.EVENT, "占道经营", "Street vending");

    private static CaseSearchQueries queries;

    @BeforeAll
    static void seedCases() {
        List<CaseDocument> cases = new ArrayList<>();
        // id, cell, category, urgency, status, worker, day of October reported, offset from the cell's point
        cases.add(doc("S01", JJ_A, MANHOLE, "NORMAL", CaseStatus.DISPATCHED, "W1", 3, 0.0001, 0,
                "成龙路粮丰社区窨井盖缺失，电动车差点掉进去", "锦江区红星路二段12号", null,
                d -> { d.priority = 3; d.stepDueAt = NOW.plus(Duration.ofDays(1)); d.followerIds.add("R1"); }));
        cases.add(doc("S02", JJ_A, MANHOLE, "URGENT", CaseStatus.IN_PROGRESS, "W1", 7, 0.0004, 0,
                "人行道井盖松动，踩上去有响声", "锦江区红星路二段30号", null,
                d -> { d.priority = 8; d.stepDueAt = NOW.minus(Duration.ofDays(2)); d.followerIds.add("R2"); }));
        cases.add(doc("S03", JJ_A, MANHOLE, "NORMAL", CaseStatus.RESOLVED, "W1", 12, -0.0007, 0,
                "井盖旁边的警示标志缺失", "锦江区红星路二段40号", null,
                d -> { d.priority = 2; d.stepDueAt = NOW.plus(Duration.ofDays(3)); }));
        cases.add(doc("S04", JJ_A, STREETLIGHT, "NORMAL", CaseStatus.REGISTERED, null, 15, 0, 0.0006,
                "路灯不亮，晚上很黑", "锦江区红星路三段8号", null,
                d -> { d.priority = 4; d.stepDueAt = NOW.minus(Duration.ofHours(1)); d.awaitingSupervisor = true; }));
        cases.add(doc("S05", JJ_A, STREETLIGHT, "NORMAL", CaseStatus.CLOSED, "W2", 2, 0, -0.0009,
                "Streetlight out on Chenglong Road", "锦江区红星路三段20号", null,
                d -> { d.priority = 1; d.followerIds.add("R1"); }));
        cases.add(doc("S06", JJ_B, STREETLIGHT, "URGENT", CaseStatus.DISPATCHED, "W2", 20, 0.0002, 0.0001,
                "Two streetlights flickering near the school", "Hongxing Road No. 5", null,
                d -> { d.priority = 7; d.stepDueAt = NOW.plus(Duration.ofHours(2)); d.followerIds.addAll(List.of("R1", "R3")); }));
        cases.add(doc("S07", JJ_B, STREET_TREE, "URGENT", CaseStatus.IN_PROGRESS, "W2", 22, -0.0002, 0.0002,
                "行道树倒伏挡住车道", "锦江区东大街100号", null,
                d -> { d.priority = 9; d.stepDueAt = NOW.minus(Duration.ofDays(3)); }));
        cases.add(doc("S08", JJ_B, RUBBISH, "NORMAL", CaseStatus.RESOLVED, "W2", 5, 0.0003, -0.0003,
                "暴露垃圾堆积发臭", "锦江区东大街120号", "已联系环卫公司清运",
                d -> { d.priority = 3; d.stepDueAt = NOW.plus(Duration.ofDays(5)); }));
        cases.add(doc("S09", JJ_C, VENDING, "NORMAL", CaseStatus.REGISTERED, null, 9, 0.0001, 0.0001,
                "小区门口占道经营，堵塞通道", "锦江区北糠市街7号", null,
                d -> { d.priority = 2; d.awaitingSupervisor = true; }));
        cases.add(doc("S10", JJ_C, RUBBISH, "NORMAL", CaseStatus.CLOSED, "W3", 1, -0.0001, 0.0002,
                "垃圾桶满溢无人清理", "锦江区北糠市街19号", null, d -> d.priority = 1));
        cases.add(doc("S11", JJ_C, STREET_TREE, "NORMAL", CaseStatus.DISPATCHED, "W3", 14, 0.0002, -0.0002,
                "古井旁的车棚顶盖破损", "锦江区北糠市街25号", null,
                d -> { d.priority = 2; d.stepDueAt = NOW.plus(Duration.ofDays(4)); }));
        cases.add(doc("S12", JJ_D, RUBBISH, "NORMAL", CaseStatus.PARKED, "W3", 18, 0.0001, 0,
                "河边暴露垃圾", "锦江区和平街3号", null, d -> d.priority = 1));
        cases.add(doc("S13", JJ_D, STREETLIGHT, "URGENT", CaseStatus.REGISTERED, null, 24, -0.0003, 0.0001,
                "Broken streetlight pole leaning", "锦江区和平街11号", null,
                d -> { d.priority = 6; d.stepDueAt = NOW.plus(Duration.ofDays(1)); }));
        cases.add(doc("S14", JJ_D, VENDING, "NORMAL", CaseStatus.VOIDED, null, 4, 0.0002, 0.0003,
                "夜市摊贩占用人行道", "锦江区和平街18号", "重复上报，已作废", d -> d.priority = 0));
        cases.add(doc("S15", CH_A, MANHOLE, "URGENT", CaseStatus.DISPATCHED, "W4", 6, 0.0001, 0.0001,
                "窨井盖被盗", "成华区望平街1号", null,
                d -> { d.priority = 8; d.stepDueAt = NOW.minus(Duration.ofDays(1)); d.followerIds.add("R1"); }));
        cases.add(doc("S16", CH_A, RUBBISH, "NORMAL", CaseStatus.IN_PROGRESS, "W4", 11, -0.0002, 0.0003,
                "建筑垃圾乱倒", "成华区望平街9号", null,
                d -> { d.priority = 3; d.stepDueAt = NOW.plus(Duration.ofDays(1)); }));
        cases.add(doc("S17", CH_A, STREETLIGHT, "NORMAL", CaseStatus.CLOSED, "W4", 16, 0.0004, -0.0002,
                "路灯杆倾斜", "成华区望平街20号", null, d -> d.priority = 2));
        cases.add(doc("S18", CH_A, VENDING, "NORMAL", CaseStatus.REGISTERED, null, 21, -0.0004, -0.0004,
                "占道经营水果摊", "成华区猛追湾街4号", null,
                d -> { d.priority = 3; d.stepDueAt = NOW.minus(Duration.ofHours(5)); d.awaitingSupervisor = true; }));
        cases.add(doc("S19", CH_B, VENDING, "NORMAL", CaseStatus.DISPATCHED, "W5", 8, 0.0001, 0.0002,
                "小区门口占道经营", "成华区建设路55号", null,
                d -> { d.priority = 4; d.stepDueAt = NOW.plus(Duration.ofHours(6)); }));
        cases.add(doc("S20", CH_B, STREET_TREE, "URGENT", CaseStatus.IN_PROGRESS, "W5", 13, 0.0003, -0.0001,
                "树枝折断悬挂", "成华区杉板桥路2号", null,
                d -> { d.priority = 9; d.stepDueAt = NOW.minus(Duration.ofHours(6)); }));
        cases.add(doc("S21", CH_B, RUBBISH, "NORMAL", CaseStatus.RESOLVED, "W5", 17, -0.0001, 0.0004,
                "垃圾收集点异味严重", "成华区杉板桥路11号", "已联系环卫公司清运",
                d -> { d.priority = 2; d.stepDueAt = NOW.plus(Duration.ofDays(2)); }));
        cases.add(doc("S22", CH_B, MANHOLE, "NORMAL", CaseStatus.CLOSED, "W5", 19, -0.0003, -0.0003,
                "井盖破裂", "成华区建设路77号", null, d -> d.priority = 1));
        cases.add(doc("S23", CH_B, STREETLIGHT, "NORMAL", CaseStatus.DISPATCHED, "W5", 23, 0.0002, 0.0002,
                "Streetlights are dark all night", "Jianshe Road No. 9", null,
                d -> { d.priority = 5; d.stepDueAt = NOW.plus(Duration.ofDays(1)); d.followerIds.add("R3"); }));
        cases.add(doc("S24", CH_B, RUBBISH, "NORMAL", CaseStatus.REWORK, "W5", 25, -0.0002, 0.0001,
                "绿化带内垃圾堆放", "成华区建设路101号", null,
                d -> { d.priority = 3; d.stepDueAt = NOW.plus(Duration.ofDays(3)); }));
        cases.add(doc("S25", CH_B, STREET_TREE, "NORMAL", CaseStatus.REGISTERED, null, 10, 0.0004, 0.0004,
                "行道树缺株", "成华区杉板桥路30号", null, d -> d.priority = 2));
        TestSearchNode.replaceAllCases(cases);

        ViewerDirectory directory = new ViewerDirectory(new JdbcTemplate());
        queries = new CaseSearchQueries(TestSearchNode.client(), TestSearchNode.index(), new CaseAccess(directory),
                directory, new CaseFromEvents(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                        .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                        .build(), riders -> java.util.Set.of()));
    }

    // ---- free text

    @Test
    void chineseWordFindsEveryCaseContainingItButNotOtherCategories() {
        // 井盖 is in S01 (窨井盖缺失), S02, S03, S15 (窨井盖被盗) and S22; never in 路灯 cases (S04, S17)
        assertThat(ids(search("井盖"))).contains("S01", "S02", "S03", "S15", "S22").doesNotContain("S04", "S17");
    }

    @Test
    void chineseWordDoesNotMatchItsCharactersApart() {
        // S11 "古井旁的车棚顶盖破损" has 井 and 盖, but not the word 井盖
        assertThat(ids(search("井盖"))).doesNotContain("S11");
    }

    @Test
    void singleChineseCharacterFindsEveryCaseContainingIt() {
        assertThat(ids(search("树"))).containsExactlyInAnyOrder("S07", "S20", "S25");
    }

    @Test
    void chinesePhraseMatchesOnlyTextHoldingAllOfItsBigrams() {
        // 井盖缺失 = 井盖 盖缺 缺失: S01 (窨井盖缺失) holds all three; S03 (井盖旁边的警示标志缺失) lacks 盖缺
        assertThat(ids(search("井盖缺失"))).containsExactly("S01");
    }

    @Test
    void englishSearchMatchesSingularAndPluralByTheirStem() {
        List<String> expected = List.of("S05", "S06", "S13", "S23");
        assertThat(ids(search("streetlights"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(search("streetlight"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(search("flicker"))).containsExactly("S06");
    }

    @Test
    void textIsFoundInTheStatusNote() {
        assertThat(ids(search("环卫公司"))).containsExactlyInAnyOrder("S08", "S21");
    }

    @Test
    void textIsFoundInTheAddress() {
        assertThat(ids(search("建设路"))).containsExactlyInAnyOrder("S19", "S22", "S24");
    }

    @Test
    void everyWordOfTheTextMustMatch() {
        assertThat(ids(search("streetlight pole"))).containsExactly("S13");
    }

    @Test
    void highlightsWrapTheMatchedTextInEm() {
        CaseSearchResult result = search("井盖缺失");

        assertThat(result.highlights().get("S01")).containsExactly("成龙路粮丰社区窨<em>井盖缺失</em>，电动车差点掉进去");
    }

    @Test
    void highlightsCoverMatchesInTheStatusNoteAndAddress() {
        CaseSearchResult note = search("环卫公司");
        assertThat(note.highlights()).containsOnlyKeys("S08", "S21");
        assertThat(emphasised(note.highlights().get("S08"))).isEqualTo("环卫公司");

        CaseSearchResult address = search("建设路");
        assertThat(address.highlights()).containsOnlyKeys("S19", "S22", "S24");
        assertThat(emphasised(address.highlights().get("S22"))).isEqualTo("建设路");
    }

    @Test
    void withoutTextEveryVisibleCaseMatchesAndNothingIsHighlighted() {
        CaseSearchResult result = search(null);

        assertThat(result.total()).isEqualTo(25);
        assertThat(result.cases()).hasSize(25);
        assertThat(result.highlights()).isEmpty();
    }

    // ---- filters

    @Test
    void statusesFilterKeepsCasesInAnyOfThem() {
        assertThat(ids(filtered(f -> f.statuses = Set.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS))))
                .containsExactlyInAnyOrder("S01", "S06", "S11", "S15", "S19", "S23", "S02", "S07", "S16", "S20");
    }

    @Test
    void familyFilterKeepsIncidentsOrAssets() {
        assertThat(ids(filtered(f -> f.family = CategoryFamily.EVENT)))
                .containsExactlyInAnyOrder("S08", "S09", "S10", "S12", "S14", "S16", "S18", "S19", "S21", "S24");
        assertThat(ids(filtered(f -> f.family = CategoryFamily.COMPONENT))).hasSize(15)
                .doesNotContain("S08", "S09", "S10", "S12", "S14", "S16", "S18", "S19", "S21", "S24");
    }

    @Test
    void majorCodeFilterKeepsEveryCategoryOfTheMajorClass() {
        assertThat(ids(filtered(f -> f.majorCode = "C01")))
                .containsExactlyInAnyOrder("S01", "S02", "S03", "S15", "S22", "S04", "S05", "S06", "S13", "S17", "S23");
    }

    @Test
    void categoryCodeFilterKeepsThatCategoryOnly() {
        assertThat(ids(filtered(f -> f.categoryCode = "C0301"))).containsExactlyInAnyOrder("S07", "S11", "S20", "S25");
    }

    @Test
    void districtFilterKeepsThatDistrictOnly() {
        assertThat(ids(filtered(f -> f.districtCode = "510108")))
                .containsExactlyInAnyOrder("S15", "S16", "S17", "S18", "S19", "S20", "S21", "S22", "S23", "S24", "S25");
    }

    @Test
    void streetFilterKeepsEveryCommunityOfTheStreet() {
        assertThat(ids(filtered(f -> f.streetCode = "510104001")))
                .containsExactlyInAnyOrder("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11");
    }

    @Test
    void communityFilterKeepsEveryCellOfTheCommunity() {
        assertThat(ids(filtered(f -> f.communityCode = "510104001001")))
                .containsExactlyInAnyOrder("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08");
    }

    @Test
    void cellFilterKeepsThatCellOnly() {
        assertThat(ids(filtered(f -> f.cellCode = "510104001001-02"))).containsExactlyInAnyOrder("S06", "S07", "S08");
        assertThat(ids(filtered(f -> f.cellCode = "510108001001-01"))).containsExactlyInAnyOrder("S15", "S16", "S17", "S18");
    }

    @Test
    void workerFilterKeepsTheWorkersCases() {
        assertThat(ids(filtered(f -> f.workerId = "W5")))
                .containsExactlyInAnyOrder("S19", "S20", "S21", "S22", "S23", "S24");
    }

    @Test
    void urgencyFilterKeepsUrgentCases() {
        assertThat(ids(filtered(f -> f.urgency = "URGENT")))
                .containsExactlyInAnyOrder("S02", "S06", "S07", "S13", "S15", "S20");
    }

    @Test
    void reportedPeriodIncludesItsStartAndExcludesItsEnd() {
        // reported on October 10 (S25), 11 (S16), 12 (S03), 13 (S20), 14 (S11); S04 on the 15th, at the end
        assertThat(ids(filtered(f -> {
            f.reportedFrom = october(10);
            f.reportedTo = october(15);
        }))).containsExactlyInAnyOrder("S25", "S16", "S03", "S20", "S11");
        assertThat(ids(filtered(f -> f.reportedFrom = october(24)))).containsExactlyInAnyOrder("S13", "S24");
        assertThat(ids(filtered(f -> f.reportedTo = october(3)))).containsExactlyInAnyOrder("S10", "S05");
    }

    @Test
    void overdueFilterKeepsCasesWhoseRunningStepIsPastDue() {
        assertThat(ids(filtered(f -> f.overdue = true)))
                .containsExactlyInAnyOrder("S02", "S04", "S07", "S15", "S18", "S20");
    }

    @Test
    void notOverdueFilterKeepsCasesOnTimeAndCasesWithNoRunningStep() {
        assertThat(ids(filtered(f -> f.overdue = false))).hasSize(19)
                .doesNotContain("S02", "S04", "S07", "S15", "S18", "S20")
                .contains("S01", "S05", "S09", "S14");
    }

    @Test
    void awaitingSupervisorFilterKeepsTheSupervisorsQueue() {
        assertThat(ids(filtered(f -> f.awaitingSupervisor = true))).containsExactlyInAnyOrder("S04", "S09", "S18");
        assertThat(ids(filtered(f -> f.awaitingSupervisor = false))).hasSize(22);
    }

    @Test
    void filtersCombineWithTextAndWithEachOther() {
        // 垃圾 is in S08, S10, S12 (锦江区) and S16, S21, S24 (成华区)
        assertThat(ids(search("垃圾", filters(f -> f.districtCode = "510108"), null, CaseSort.NEWEST, null, ADMIN)))
                .containsExactlyInAnyOrder("S16", "S21", "S24");
        assertThat(ids(filtered(f -> {
            f.districtCode = "510108";
            f.family = CategoryFamily.EVENT;
            f.statuses = Set.of(CaseStatus.REGISTERED, CaseStatus.RESOLVED);
        }))).containsExactlyInAnyOrder("S18", "S21");
    }

    // ---- place

    @Test
    void circleKeepsCasesWithinTheRadius() {
        // the cell JJ_A's five cases lie within 90 m of its point; the nearest other cell is 580 m away
        GeoScope circle = GeoScope.within(new GeoPoint(JJ_A.lat(), JJ_A.lon()), 300);

        assertThat(ids(search(null, CaseFilters.NONE, circle, CaseSort.NEWEST, null, ADMIN)))
                .containsExactlyInAnyOrder("S01", "S02", "S03", "S04", "S05");
    }

    @Test
    void boundingBoxKeepsCasesInsideIt() {
        GeoScope box = GeoScope.box(new GeoPoint(30.6750, 104.0900), new GeoPoint(30.6650, 104.1000));

        assertThat(ids(search(null, CaseFilters.NONE, box, CaseSort.NEWEST, null, ADMIN)))
                .containsExactlyInAnyOrder("S15", "S16", "S17", "S18");
    }

    @Test
    void placeCombinesWithFilters() {
        GeoScope circle = GeoScope.within(new GeoPoint(JJ_A.lat(), JJ_A.lon()), 300);

        assertThat(ids(search(null, filters(f -> f.categoryCode = "C0101"), circle, CaseSort.NEWEST, null, ADMIN)))
                .containsExactlyInAnyOrder("S01", "S02", "S03");
    }

    // ---- order

    @Test
    void newestFirstOrdersByReportTimeDescending() {
        // days of October reported in 成华区: S24 25, S23 23, S18 21, S22 19, S21 17, S17 16, S20 13, S16 11,
        // S25 10, S19 8, S15 6
        assertThat(ids(chengHua(CaseSort.NEWEST))).containsExactly("S24", "S23", "S18", "S22", "S21", "S17", "S20",
                "S16", "S25", "S19", "S15");
    }

    @Test
    void oldestFirstOrdersByReportTimeAscending() {
        assertThat(ids(chengHua(CaseSort.OLDEST))).containsExactly("S15", "S19", "S25", "S16", "S20", "S17", "S21",
                "S22", "S18", "S23", "S24");
    }

    @Test
    void priorityOrdersHighestFirstThenNewestAmongEquals() {
        // priorities: S20 9, S15 8, S23 5, S19 4; 3: S24 (Oct 25), S18 (21), S16 (11); 2: S21 (17), S17 (16),
        // S25 (10); 1: S22
        assertThat(ids(chengHua(CaseSort.PRIORITY))).containsExactly("S20", "S15", "S23", "S19", "S24", "S18", "S16",
                "S21", "S17", "S25", "S22");
    }

    @Test
    void deadlineOrdersMostOverdueFirstAndCasesWithoutARunningStepLast() {
        // due: S15 now-1d, S20 now-6h, S18 now-5h, S19 now+6h, S16 and S23 now+1d (then by id), S21 now+2d,
        // S24 now+3d; S17, S22 (closed) and S25 have no running step
        assertThat(ids(chengHua(CaseSort.DEADLINE))).containsExactly("S15", "S20", "S18", "S19", "S16", "S23", "S21",
                "S24", "S17", "S22", "S25");
    }

    @Test
    void distanceOrdersNearestFirst() {
        // from JJ_A's point: S01 11 m north, S02 44 m north, S04 57 m east, S03 78 m south, S05 86 m west
        GeoPoint from = new GeoPoint(JJ_A.lat(), JJ_A.lon());

        assertThat(ids(search(null, filters(f -> f.cellCode = JJ_A.code()), null, CaseSort.DISTANCE, from, ADMIN)))
                .containsExactly("S01", "S02", "S04", "S03", "S05");
    }

    @Test
    void distanceIsMeasuredFromTheCircleCentreWhenNoPointIsGiven() {
        GeoScope circle = GeoScope.within(new GeoPoint(JJ_A.lat(), JJ_A.lon()), 300);

        assertThat(ids(search(null, CaseFilters.NONE, circle, CaseSort.DISTANCE, null, ADMIN)))
                .containsExactly("S01", "S02", "S04", "S03", "S05");
    }

    @Test
    void distanceOrderWithoutAPointIsRejected() {
        assertThatThrownBy(() -> search(null, CaseFilters.NONE, null, CaseSort.DISTANCE, null, ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- paging

    @ParameterizedTest
    @EnumSource(CaseSort.class)
    void walkingAllPagesByCursorYieldsEveryCaseOnceInOrder(CaseSort sort) {
        GeoPoint from = new GeoPoint(JJ_A.lat(), JJ_A.lon());
        List<String> all = ids(queries.handle(new SearchCasesQuery(null, CaseFilters.NONE, null, sort, from, 0, 100,
                null, ADMIN)));
        assertThat(all).hasSize(25).doesNotHaveDuplicates();

        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        CaseSearchResult page;
        do {
            page = queries.handle(new SearchCasesQuery(null, CaseFilters.NONE, null, sort, from, 0, 4, cursor, ADMIN));
            assertThat(page.total()).isEqualTo(25);
            walked.addAll(ids(page));
            pageSizes.add(page.cases().size());
            cursor = page.nextCursor();
        } while (cursor != null && pageSizes.size() < 20);

        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(pageSizes).containsExactly(4, 4, 4, 4, 4, 4, 1);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void cursorPagingEndsWithAnEmptyPageWhenTheLastFullPageEndsTheResults() {
        // 8 cases in 红星路社区: two full pages of 4; the second cannot know it is the last
        CaseFilters community = filters(f -> f.communityCode = "510104001001");
        CaseSearchResult first = queries.handle(new SearchCasesQuery(null, community, null, CaseSort.OLDEST, null, 0, 4,
                null, ADMIN));
        CaseSearchResult second = queries.handle(new SearchCasesQuery(null, community, null, CaseSort.OLDEST, null, 0, 4,
                first.nextCursor(), ADMIN));
        CaseSearchResult third = queries.handle(new SearchCasesQuery(null, community, null, CaseSort.OLDEST, null, 0, 4,
                second.nextCursor(), ADMIN));

        // reported on October 2 (S05), 3 (S01), 5 (S08), 7 (S02) | 12 (S03), 15 (S04), 20 (S06), 22 (S07)
        assertThat(ids(first)).containsExactly("S05", "S01", "S08", "S02");
        assertThat(ids(second)).containsExactly("S03", "S04", "S06", "S07");
        assertThat(third.cases()).isEmpty();
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void pageNumberPagingSkipsWholePages() {
        List<String> all = ids(search(null));
        CaseSearchResult second = queries.handle(new SearchCasesQuery(null, CaseFilters.NONE, null, CaseSort.NEWEST,
                null, 1, 4, null, ADMIN));
        CaseSearchResult seventh = queries.handle(new SearchCasesQuery(null, CaseFilters.NONE, null, CaseSort.NEWEST,
                null, 6, 4, null, ADMIN));

        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(4);
        assertThat(second.total()).isEqualTo(25);
        assertThat(ids(second)).containsExactlyElementsOf(all.subList(4, 8));
        assertThat(ids(seventh)).containsExactly(all.get(24));
        assertThat(seventh.nextCursor()).isNull();
    }

    @Test
    void garbageCursorIsRejected() {
        String notBase64 = "not a cursor!";
        String notJson = Base64.getUrlEncoder().encodeToString("{{{".getBytes(StandardCharsets.UTF_8));
        String notAnArray = Base64.getUrlEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        for (String cursor : List.of(notBase64, notJson, notAnArray)) {
            assertThatThrownBy(() -> queries.handle(new SearchCasesQuery(null, CaseFilters.NONE, null, CaseSort.NEWEST,
                    null, 0, 4, cursor, ADMIN))).as(cursor).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---- access

    @Test
    void districtSupervisorSeesOnlyTheirDistrict() {
        CaseSearchResult all = search(null, CaseFilters.NONE, null, CaseSort.NEWEST, null, JINJIANG_SUPERVISOR);

        assertThat(ids(all)).containsExactlyInAnyOrder("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09",
                "S10", "S11", "S12", "S13", "S14");
        assertThat(all.total()).isEqualTo(14);
    }

    @Test
    void districtSupervisorNeverSeesAnotherDistrictWhateverTheyAskFor() {
        assertThat(ids(search("环卫公司", CaseFilters.NONE, null, CaseSort.NEWEST, null, JINJIANG_SUPERVISOR)))
                .containsExactly("S08");
        assertThat(search(null, filters(f -> f.districtCode = "510108"), null, CaseSort.NEWEST, null,
                JINJIANG_SUPERVISOR).cases()).isEmpty();
        GeoScope chengHuaBox = GeoScope.box(new GeoPoint(30.6750, 104.0900), new GeoPoint(30.6550, 104.1200));
        assertThat(search(null, CaseFilters.NONE, chengHuaBox, CaseSort.NEWEST, null, JINJIANG_SUPERVISOR).cases())
                .isEmpty();
        assertThat(queries.handle(new FindCaseQuery("S21", JINJIANG_SUPERVISOR))).isEmpty();
        assertThat(queries.handle(new FindCaseQuery("S08", JINJIANG_SUPERVISOR))).map(CaseView::caseId).contains("S08");
    }

    @Test
    void supervisorWithoutAUnitAndAdministratorSeeEveryDistrict() {
        assertThat(search(null, CaseFilters.NONE, null, CaseSort.NEWEST, null, CITY_SUPERVISOR).total()).isEqualTo(25);
        assertThat(search(null, CaseFilters.NONE, null, CaseSort.NEWEST, null, ADMIN).total()).isEqualTo(25);
    }

    @Test
    void riderSeesOnlyTheCasesTheyFollowInThePublicView() {
        CaseSearchResult result = search(null, CaseFilters.NONE, null, CaseSort.NEWEST, null, RIDER);

        assertThat(ids(result)).containsExactlyInAnyOrder("S01", "S05", "S06", "S15");
        assertThat(result.cases()).allSatisfy(view -> {
            assertThat(view.workerId()).isNull();
            assertThat(view.reporterHandle()).isNull();
            assertThat(view.statusNote()).isNull();
        });
    }

    @Test
    void riderSearchingByTextStillSeesOnlyTheCasesTheyFollow() {
        assertThat(ids(search("井盖", CaseFilters.NONE, null, CaseSort.NEWEST, null, RIDER)))
                .containsExactlyInAnyOrder("S01", "S15");
    }

    @Test
    void findCaseShowsAVisibleCaseInTheViewersView() {
        CaseView forAdmin = queries.handle(new FindCaseQuery("S06", ADMIN)).orElseThrow();
        CaseView forRider = queries.handle(new FindCaseQuery("S06", RIDER)).orElseThrow();

        assertThat(forAdmin.workerId()).isEqualTo("W2");
        assertThat(forAdmin.cell().cellCode()).isEqualTo(JJ_B.code());
        assertThat(forAdmin.reportedAt()).isEqualTo(october(20));
        assertThat(forRider.workerId()).isNull();
        assertThat(forRider.description()).isEqualTo("Two streetlights flickering near the school");
    }

    @Test
    void findCaseOfAnInvisibleCaseIsEmpty() {
        assertThat(queries.handle(new FindCaseQuery("S02", RIDER))).isEmpty();
        assertThat(queries.handle(new FindCaseQuery("S15", JINJIANG_SUPERVISOR))).isEmpty();
        assertThat(queries.handle(new FindCaseQuery("NO-SUCH-CASE", ADMIN))).isEmpty();
    }

    @Test
    void viewerNobodyKnowsSeesNothing() {
        assertThat(queries.handle(new FindCaseQuery("S01", null))).isEmpty();
        assertThat(search(null, CaseFilters.NONE, null, CaseSort.NEWEST, null, null).cases()).isEmpty();
    }

    // ---- helpers

    private static CaseSearchResult search(String text) {
        return search(text, CaseFilters.NONE, null, CaseSort.NEWEST, null, ADMIN);
    }

    private static CaseSearchResult filtered(Consumer<FilterValues> change) {
        return search(null, filters(change), null, CaseSort.NEWEST, null, ADMIN);
    }

    private static CaseSearchResult chengHua(CaseSort sort) {
        return search(null, filters(f -> f.districtCode = "510108"), null, sort, null, ADMIN);
    }

    private static CaseSearchResult search(String text, CaseFilters filters, GeoScope geo, CaseSort sort, GeoPoint from,
                                           Actor viewer) {
        return queries.handle(new SearchCasesQuery(text, filters, geo, sort, from, 0, 100, null, viewer));
    }

    private static List<String> ids(CaseSearchResult result) {
        return result.cases().stream().map(CaseView::caseId).toList();
    }

    /** The emphasised parts of the snippets, joined: what the highlighter says matched. */
    private static String emphasised(List<String> snippets) {
        StringBuilder matched = new StringBuilder();
        Matcher em = Pattern.compile("<em>(.*?)</em>").matcher(String.join("", snippets));
        while (em.find()) {
            matched.append(em.group(1));
        }
        return matched.toString();
    }

    private static Instant october(int day) {
        return Instant.parse("2026-10-%02dT02:00:00Z".formatted(day));
    }

    private static CaseDocument doc(String id, Cell cell, Category category, String urgency, CaseStatus status,
                                    String workerId, int octoberDay, double dLat, double dLon, String description,
                                    String address, String statusNote, Consumer<CaseDocument> more) {
        CaseDocument doc = new CaseDocument();
        doc.caseId = id;
        doc.version = 0;
        doc.status = status;
        doc.family = category.family().name();
        doc.categoryCode = category.code();
        doc.majorCode = category.majorCode();
        doc.categoryZh = category.zh();
        doc.categoryEn = category.en();
        doc.urgency = urgency;
        doc.description = description;
        doc.address = address;
        doc.statusNote = statusNote;
        doc.location = new CaseDocument.Location(cell.lat() + dLat, cell.lon() + dLon);
        doc.cellCode = cell.code();
        doc.cellName = cell.name();
        doc.districtCode = cell.districtCode();
        doc.district = cell.district();
        doc.streetCode = cell.streetCode();
        doc.street = cell.street();
        doc.communityCode = cell.communityCode();
        doc.community = cell.community();
        doc.workerId = workerId;
        doc.reportCount = 1;
        doc.reportedAt = october(octoberDay);
        doc.registeredAt = status == CaseStatus.REPORTED ? null : october(octoberDay).plus(Duration.ofHours(1));
        if (workerId != null) {
            doc.dispatchedAt = october(octoberDay).plus(Duration.ofHours(2));
        }
        if (status == CaseStatus.CLOSED) {
            doc.closedAt = october(octoberDay).plus(Duration.ofDays(2));
        }
        if (status == CaseStatus.VOIDED) {
            doc.voidedAt = october(octoberDay).plus(Duration.ofDays(1));
        }
        more.accept(doc);
        if (doc.stepDueAt != null) {
            doc.step = "HANDLE";
        }
        doc.followerCount = doc.followerIds.size();
        return doc;
    }

    /** CaseFilters has fourteen components; tests set the ones they mean. */
    private static final class FilterValues {
        Set<CaseStatus> statuses = Set.of();
        CategoryFamily family;
        String majorCode;
        String categoryCode;
        String districtCode;
        String streetCode;
        String communityCode;
        String cellCode;
        String workerId;
        String urgency;
        Instant reportedFrom;
        Instant reportedTo;
        Boolean overdue;
        Boolean awaitingSupervisor;
    }

    private static CaseFilters filters(Consumer<FilterValues> change) {
        FilterValues f = new FilterValues();
        change.accept(f);
        return new CaseFilters(f.statuses, f.family, f.majorCode, f.categoryCode, f.districtCode, f.streetCode,
                f.communityCode, f.cellCode, f.workerId, f.urgency, f.reportedFrom, f.reportedTo, f.overdue,
                f.awaitingSupervisor);
    }
}
