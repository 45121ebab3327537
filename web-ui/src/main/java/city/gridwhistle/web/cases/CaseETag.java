package city.gridwhistle.web.cases;

import city.gridwhistle.web.problem.InvalidParameterException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case's entity tag is its version, the sequence number of its last event: {@code "12"}. The read model's
 * version lags the command side by moments at most, so a tag read from {@code GET} is never ahead of the case.
 */
final class CaseETag {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private CaseETag() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names; null when there is none (or {@code *}), so the action is unconditional. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw new InvalidParameterException("If-Match",
                    "give one entity tag as GET /api/cases/{id} answers it in ETag, e.g. \"12\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
