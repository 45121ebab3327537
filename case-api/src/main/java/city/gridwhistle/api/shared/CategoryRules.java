package city.gridwhistle.api.shared;

/**
 * A minor class (小类) with the rules in force for it. Copied onto a case when it is registered, so that later
 * edits of the category never rewrite a case's history.
 */
public record CategoryRules(
        String code,
        CategoryFamily family,
        String majorCode,
        String majorZh,
        String majorEn,
        String minorCode,
        String zh,
        String en,
        Urgency urgency,
        TimeLimits limits,
        int duplicateRadiusMeters,
        String registrationCondition,
        String closingCondition,
        String responsibleUnit) {
}
