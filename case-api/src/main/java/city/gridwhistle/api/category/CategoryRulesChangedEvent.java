package city.gridwhistle.api.category;

import city.gridwhistle.api.shared.CategoryRules;

/**
 * A category's rules were changed. Both the rules before and after are kept, so the change reads on its own in the
 * audit trail (who and when are in the event's metadata).
 */
public record CategoryRulesChangedEvent(String code, CategoryRules rules, boolean active, CategoryRules previousRules,
                                        boolean previouslyActive, String reason) {

    public static final String STREAM_PREFIX = "category-";

    public static String streamOf(String code) {
        return STREAM_PREFIX + code;
    }
}
