package city.gridwhistle.web.history;

import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.audit.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A case history as CSV (RFC 4180), one row per event. UTF-8 with a byte-order mark, because without one Excel
 * reads the file in the local code page and the Chinese turns to noise. Cells that a spreadsheet would take for a
 * formula are prefixed with an apostrophe: reasons and notes are free text from the field.
 */
final class HistoryCsv {

    static final List<String> COLUMNS = List.of("sequence", "server_time_utc", "device_time_utc", "event_type",
            "description_zh", "description_en", "user_id", "username", "role", "unit", "channel", "reason",
            "correlation_id", "trace_id", "event_id", "hash", "previous_hash", "photo_sha256");
    private static final String BOM = "\uFEFF";
    private static final String LINE_END = "\r\n";

    private HistoryCsv() {
    }

    static byte[] render(CaseHistory history) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, COLUMNS);
        for (HistoryEntry entry : history.entries()) {
            row(csv, List.of(Long.toString(entry.sequence()), time(entry.serverTime()), time(entry.deviceTime()),
                    entry.eventType(), text(entry.descriptionZh()), text(entry.descriptionEn()), text(entry.userId()),
                    text(entry.username()), text(entry.role()), text(entry.unit()), text(entry.channel()),
                    text(entry.reason()), text(entry.correlationId()), text(entry.traceId()), text(entry.eventId()),
                    text(entry.hash()), text(entry.previousHash()), String.join(" ", entry.photoHashes())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(LINE_END);
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
