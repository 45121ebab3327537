package city.gridwhistle.api.shared;

import java.util.List;

/** Categories with the rules in force for each. */
public record Categories(List<CategoryRules> categories) {

    public Categories {
        categories = List.copyOf(categories);
    }
}
