package city.gridwhistle.api.category;

/** Every category, offered or not, with its rules in force, in code order; answered with {@link CategoryListing}. */
public record FindCategoryListingQuery() {
}
