package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;
import java.time.Instant;

/**
 * What changed in a case between two instants; answered with a {@link CaseDiff}, or nothing when the case did not
 * exist yet at either instant, or the viewer may not audit it.
 */
public record FindCaseDiffQuery(String caseId, Instant from, Instant to, Actor viewer) {
}
