package city.gridwhistle.api.shared;

/** The categories a report may be filed under now (the active ones), in code order. */
public record FindCategoriesQuery() {
}
