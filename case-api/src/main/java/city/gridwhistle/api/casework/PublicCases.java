package city.gridwhistle.api.casework;

import java.util.List;

/** A page of the public record and how many cases match in all. */
public record PublicCases(long total, List<PublicCase> cases) {
}
