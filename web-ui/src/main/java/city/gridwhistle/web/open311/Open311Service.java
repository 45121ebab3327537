package city.gridwhistle.web.open311;

import java.util.List;

/**
 * A category (小类) as an Open311 service.
 *
 * @param group             the major class (大类)
 * @param agencyResponsible the unit that handles it
 * @param attributes        the questions it asks beside the description, in order
 */
record Open311Service(String code, String name, String description, String group, List<String> keywords,
                      String agencyResponsible, List<Open311Attribute> attributes) {

    Open311Service {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    java.util.Optional<Open311Attribute> attribute(String code) {
        return attributes.stream().filter(attribute -> attribute.code().equals(code)).findFirst();
    }
}
