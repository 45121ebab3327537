package city.gridwhistle.api.category;

/**
 * The audit trail of category changes, newest first; answered with {@link CategoryChanges}.
 *
 * @param code one category's changes, or null for every category's
 */
public record FindCategoryChangesQuery(String code, int limit) {
}
