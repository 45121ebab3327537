package city.gridwhistle.api.rider;

import java.time.Instant;

/** A rider's personal data was erased: by whom, when and why. It names the rider's id, never the data. */
public record PersonalDataErasedEvent(String riderId, String reason, String erasedBy, Instant at) {
}
