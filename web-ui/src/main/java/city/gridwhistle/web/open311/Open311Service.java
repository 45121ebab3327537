package city.gridwhistle.web.open311;

import java.util.List;

/**
 * A category (小类) as an Open311 service.
 *
 * @param group             the major class (大类)
 * @param agencyResponsible the unit that handles it
 */
record Open311Service(String code, String name, String description, String group, List<String> keywords,
                      String agencyResponsible) {
}
