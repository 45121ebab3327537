package city.gridwhistle.command.category;

import city.gridwhistle.api.category.CategoryListing;
import city.gridwhistle.api.shared.CategoryRules;
import java.util.Optional;

/** The categories a report may be filed under, with the rules in force now. */
public interface CategoryCatalog {

    /** The active category with this code, if any. */
    Optional<CategoryRules> find(String code);

    /** The category with this code, offered or not, with its rules in force, if the catalogue has it. */
    default Optional<CategoryListing.Entry> entry(String code) {
        return find(code).map(rules -> new CategoryListing.Entry(rules, true));
    }
}
