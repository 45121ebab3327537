package city.gridwhistle.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.audit.HistoryEntry;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV and PDF renderings of a history, without a server. */
class HistoryExportsTest {

    private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");
    private static final CaseHistory HISTORY = new CaseHistory("case-1", List.of(
            new HistoryEntry(0, "ev-0", "ReportFiledEvent", T, T.minusSeconds(30), "R041", null, "RIDER", null, "APP",
                    "井盖松动, \"很危险\"\n请尽快", "corr-0", "trace-0", "h0", null, List.of("a".repeat(64)),
                    "上报（类别 C0104，上报人 R041）", "Reported (category C0104, by R041)"),
            new HistoryEntry(1, "ev-1", "CaseRegisteredEvent", T, null, "R041", null, "RIDER", null, "APP",
                    null, "corr-0", "trace-0", "h1", "h0", List.of(),
                    "立案于粮丰社区03网格（燃气井盖）", "Registered in 粮丰社区03网格 (Gas manhole cover)"),
            new HistoryEntry(2, "ev-2", "CaseEscalatedEvent", T.plusSeconds(600), null, "system", null, "SYSTEM",
                    null, null, "=HYPERLINK(\"http://x\")", null, null, null, null, List.of(),
                    "督办（受理超时）", "Escalated: accept time limit passed")));
    private static final Actor SUPERVISOR = new Actor("S-CITY", Role.SUPERVISOR);

    @Test
    void theCsvStartsWithAByteOrderMarkAndHasOneRowPerEvent() {
        byte[] csv = HistoryCsv.render(HISTORY);

        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<List<String>> rows = Csv.parse(new String(csv, StandardCharsets.UTF_8).substring(1));
        assertThat(rows).hasSize(1 + HISTORY.entries().size());
        assertThat(rows.getFirst()).isEqualTo(HistoryCsv.COLUMNS);
        assertThat(rows.get(1)).hasSize(HistoryCsv.COLUMNS.size());
        assertThat(Csv.column(rows, 1, "reason")).isEqualTo("井盖松动, \"很危险\"\n请尽快");
        assertThat(Csv.column(rows, 2, "description_zh")).isEqualTo("立案于粮丰社区03网格（燃气井盖）");
        assertThat(Csv.column(rows, 2, "previous_hash")).isEqualTo("h0");
        assertThat(Csv.column(rows, 3, "user_id")).isEqualTo("system");
    }

    @Test
    void aCsvCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        List<List<String>> rows = Csv.parse(new String(HistoryCsv.render(HISTORY), StandardCharsets.UTF_8).substring(1));

        assertThat(Csv.column(rows, 3, "reason")).isEqualTo("'=HYPERLINK(\"http://x\")");
    }

    @Test
    void withACjkFontThePdfCarriesBothLanguages() throws IOException {
        HistoryPdf pdf = new HistoryPdf(new AuditProperties(null));
        assumeThat(pdf.rendersChinese()).as("a CJK font on this machine (see .ci/run)").isTrue();

        String text = PdfText.of(pdf.render(HISTORY, SUPERVISOR, T));

        assertThat(text).contains("立案于粮丰社区03网格", "Registered in", "督办（受理超时）", "S-CITY");
    }

    @Test
    void withoutAFontThePdfSaysChineseWasOmittedAndKeepsTheEnglish() throws IOException {
        HistoryPdf pdf = new HistoryPdf(new AuditProperties("/no/such/font.ttf"));
        byte[] rendered = pdf.render(HISTORY, SUPERVISOR, T);

        assertThat(new String(rendered, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = PdfText.of(rendered);
        assertThat(text).contains("Chinese text was omitted", "Escalated: accept time limit passed",
                "Registered in [...]03[...] (Gas manhole cover)").doesNotContain("立案");
    }
}
