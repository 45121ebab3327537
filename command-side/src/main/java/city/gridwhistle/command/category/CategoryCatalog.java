package city.gridwhistle.command.category;

import city.gridwhistle.api.shared.CategoryRules;
import java.util.Optional;

/** The categories a report may be filed under, with the rules in force now. */
public interface CategoryCatalog {

    /** The active category with this code, if any. */
    Optional<CategoryRules> find(String code);
}
