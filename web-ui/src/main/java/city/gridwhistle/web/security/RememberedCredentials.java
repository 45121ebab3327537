package city.gridwhistle.web.security;

import city.gridwhistle.web.outage.Backend;
import city.gridwhistle.web.outage.BackendUnavailableException;
import city.gridwhistle.web.outage.DatabaseAvailability;
import city.gridwhistle.web.outage.OutageProperties;
import city.gridwhistle.web.outage.Outages;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens and API keys are checked against PostgreSQL on every request, so revoking, disabling and locking
 * act at once. While PostgreSQL is down that check cannot run; rather than refuse every caller (and make apps drop
 * valid tokens on a 401), a credential that passed the check within {@code gridwhistle.outage.credential-grace}
 * and has not expired is honoured from memory. Only reads can succeed then, since every write needs the database;
 * a credential never checked in that window is answered 503, never 401. Kept by hash, never the secret itself.
 */
@Component
class RememberedCredentials {

    /**
     * A credential as the database last confirmed it.
     *
     * @param passwordChangeRequired the account's owner must choose a password before doing anything else
     */
    record Checked(GridUser user, Instant expiresAt, boolean passwordChangeRequired) {
    }

    private record Entry(Checked checked, Instant checkedAt) {
    }

    private static final int MAX_ENTRIES = 100_000;

    private final DatabaseAvailability database;
    private final OutageProperties settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    RememberedCredentials(DatabaseAvailability database, OutageProperties settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks the credential with its hash against the database, or from memory while the database is down. */
    Optional<Checked> authenticate(String hash, Supplier<Optional<Checked>> check) {
        Instant now = clock.instant();
        if (!database.isDown()) {
            try {
                Optional<Checked> checked = check.get();
                checked.ifPresentOrElse(c -> remember(hash, c, now), () -> entries.remove(hash));
                return checked;
            } catch (RuntimeException e) {
                if (Outages.causeOf(e).filter(Backend.DATABASE::equals).isEmpty()) {
                    throw e;
                }
                database.failed(e);
            }
        }
        Entry entry = entries.get(hash);
        if (entry != null && entry.checkedAt().plus(settings.credentialGrace()).isAfter(now)
                && (entry.checked().expiresAt() == null || entry.checked().expiresAt().isAfter(now))) {
            return Optional.of(entry.checked());
        }
        throw new BackendUnavailableException(Backend.DATABASE, "credentials cannot be checked while the database is down");
    }

    void forget(String hash) {
        entries.remove(hash);
    }

    private void remember(String hash, Checked checked, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant stale = now.minus(settings.credentialGrace());
            entries.values().removeIf(e -> e.checkedAt().isBefore(stale));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(hash, new Entry(checked, now));
    }
}
