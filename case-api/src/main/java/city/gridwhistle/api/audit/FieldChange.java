package city.gridwhistle.api.audit;

/**
 * One field of a case's view that changed. Nested fields are named by path ({@code cell.cellCode}); lists are
 * compared whole.
 *
 * @param before the value then as plain JSON data (text, number, boolean, list), null when absent
 * @param after  the value later, likewise
 */
public record FieldChange(String field, Object before, Object after) {
}
