package city.gridwhistle.web.history;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit export settings.
 *
 * @param pdfFont a TrueType/OpenType font file with Chinese glyphs for PDF exports (for a collection, {@code
 *                .ttc}, its first face is used); when unset, the usual places of Debian's CJK font packages are
 *                tried, and without any font the PDF carries the English text only, saying so
 */
@ConfigurationProperties("gridwhistle.audit")
public record AuditProperties(String pdfFont) {
}
