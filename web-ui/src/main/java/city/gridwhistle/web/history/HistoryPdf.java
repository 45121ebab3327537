package city.gridwhistle.web.history;

import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.audit.HistoryEntry;
import city.gridwhistle.api.shared.Actor;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A case history as a PDF for an inquiry: one table row per event, with both descriptions, who, when, why and the
 * event's hash. Chinese needs a CJK font embedded; where the machine has none, the PDF carries the English text
 * only and says on its first page that Chinese text was left out, rather than print empty boxes or guess at a
 * transliteration.
 */
@Component
class HistoryPdf {

    private static final Logger log = LoggerFactory.getLogger(HistoryPdf.class);

    /** Where Debian's CJK font packages put their fonts (fonts-wqy-zenhei, fonts-noto-cjk, …), in order of trial. */
    static final List<String> KNOWN_CJK_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    static final String CHINESE_OMITTED = "Chinese text was omitted: the server has no CJK font "
            + "(set gridwhistle.audit.pdf-font to a TrueType/OpenType font with Chinese glyphs).";
    private static final String OMITTED_MARK = "[...]";

    private final BaseFont cjk;
    private final BaseFont latin;

    HistoryPdf(AuditProperties properties) {
        this.cjk = cjkFont(properties.pdfFont()).orElse(null);
        try {
            this.latin = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the PDF library lacks its built-in Helvetica", e);
        }
    }

    /** Whether Chinese text can be rendered, i.e. a CJK font was found. */
    boolean rendersChinese() {
        return cjk != null;
    }

    byte[] render(CaseHistory history, Actor generatedBy, Instant generatedAt) {
        BaseFont base = cjk != null ? cjk : latin;
        Font title = new Font(base, 14, Font.BOLD);
        Font body = new Font(base, 8);
        Font small = new Font(base, 7, Font.NORMAL, Color.DARK_GRAY);
        Font head = new Font(base, 8, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Case history " + history.caseId());
            document.addCreator("GridWhistle");
            document.open();
            document.add(new Paragraph(text(cjk != null ? "案件历史 Case history " : "Case history ") + history.caseId(), title));
            document.add(new Paragraph(text("Generated " + generatedAt + " (UTC) for " + generatedBy.id() + " ("
                    + generatedBy.role() + "); " + history.entries().size() + " events, read from the event store."), small));
            if (cjk == null) {
                document.add(new Paragraph(CHINESE_OMITTED, new Font(latin, 8, Font.BOLD, Color.RED)));
            }
            document.add(new Paragraph(" ", small));
            PdfPTable table = new PdfPTable(new float[] {3, 12, 12, 30, 18, 15});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : List.of("#", "Time (UTC)", "Who", cjk != null ? "描述 / Description" : "Description",
                    "Reason / note", "Correlation / hash")) {
                PdfPCell cell = new PdfPCell(new Phrase(column, head));
                cell.setBackgroundColor(new Color(230, 230, 230));
                table.addCell(cell);
            }
            for (HistoryEntry entry : history.entries()) {
                table.addCell(cell(Long.toString(entry.sequence()), body));
                table.addCell(cell(entry.serverTime() + (entry.deviceTime() == null ? ""
                        : "\ndevice " + entry.deviceTime()), small));
                table.addCell(cell(who(entry), body));
                Phrase description = new Phrase();
                if (cjk != null) {
                    description.add(new Phrase(entry.descriptionZh() + "\n", body));
                }
                description.add(new Phrase(text(entry.descriptionEn()), body));
                description.add(new Phrase("\n" + entry.eventType(), small));
                PdfPCell descriptionCell = new PdfPCell(description);
                descriptionCell.setVerticalAlignment(Element.ALIGN_TOP);
                table.addCell(descriptionCell);
                table.addCell(cell(text(entry.reason()), body));
                table.addCell(cell("corr " + nullToDash(entry.correlationId()) + "\nevent " + entry.eventId()
                        + "\nhash " + nullToDash(entry.hash()), small));
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not lay out the case history", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static String who(HistoryEntry entry) {
        StringBuilder who = new StringBuilder(entry.userId());
        if (entry.username() != null) {
            who.append(" (").append(entry.username()).append(')');
        }
        who.append('\n').append(nullToDash(entry.role()));
        if (entry.unit() != null) {
            who.append(' ').append(entry.unit());
        }
        if (entry.channel() != null) {
            who.append(" via ").append(entry.channel());
        }
        return who.toString();
    }

    private PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text(value), font));
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    /** The text as given when a CJK font is there; otherwise with every run the Latin font cannot show marked. */
    private String text(String value) {
        if (value == null || cjk != null) {
            return value == null ? "" : value;
        }
        CharsetEncoder latin1 = Charset.forName("windows-1252").newEncoder();
        StringBuilder shown = new StringBuilder();
        boolean omitting = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (latin1.canEncode(c)) {
                shown.append(c);
                omitting = false;
            } else if (!omitting) {
                shown.append(OMITTED_MARK);
                omitting = true;
            }
        }
        return shown.toString();
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }

    /** The configured font, else the first known CJK font on this machine; empty when there is none. */
    static Optional<BaseFont> cjkFont(String configured) {
        List<String> candidates = configured != null && !configured.isBlank() ? List.of(configured) : KNOWN_CJK_FONTS;
        for (String candidate : candidates) {
            if (!Files.isReadable(Path.of(candidate))) {
                if (configured != null && !configured.isBlank()) {
                    log.warn("gridwhistle.audit.pdf-font {} cannot be read: PDF exports will omit Chinese text", configured);
                }
                continue;
            }
            try {
                String name = candidate.toLowerCase().endsWith(".ttc") ? candidate + ",0" : candidate;
                return Optional.of(BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (DocumentException | IOException e) {
                log.warn("font {} cannot be used for PDF exports: {}", candidate, e.getMessage());
            }
        }
        if (configured == null || configured.isBlank()) {
            log.info("no CJK font found in {}: PDF exports of case histories will omit Chinese text", KNOWN_CJK_FONTS);
        }
        return Optional.empty();
    }
}
