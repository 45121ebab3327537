package city.gridwhistle.api.category;

import city.gridwhistle.api.shared.CategoryRules;
import java.util.List;

/** The whole catalogue as administrators see it. */
public record CategoryListing(List<Entry> categories) {

    public CategoryListing {
        categories = List.copyOf(categories);
    }

    /** One category: its rules in force and whether riders may file under it. */
    public record Entry(CategoryRules rules, boolean active) {
    }
}
