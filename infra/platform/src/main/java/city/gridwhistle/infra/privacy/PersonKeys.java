package city.gridwhistle.infra.privacy;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code person_key} table: one data key per person (a subject id), wrapped by the {@link MasterKey}, never in
 * the events. Destroying a person's key makes everything sealed with it unreadable, wherever a copy of the
 * ciphertext lies; the row stays, without the key, to say that it was destroyed and when, so that a value that no
 * longer opens is known for erased rather than taken for an error.
 */
public class PersonKeys {

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    public PersonKeys(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /**
     * Checked at start: a master key other than the one the stored keys were wrapped with would make every sealed
     * value unreadable.
     */
    public void checkMasterKey() {
        jdbc.query("select subject_id, wrapped_key from person_key where wrapped_key is not null limit 1", rs -> {
            try {
                masterKey.unwrap(rs.getString(1), rs.getBytes(2));
            } catch (UnreadablePersonalDataException e) {
                throw new IllegalStateException("the configured master key is not the one the person keys were "
                        + "wrapped with: restore gridwhistle.privacy.master-key (or <data-dir>/keys/master.key)", e);
            }
        });
    }

    /**
     * The person's key, created at the first need.
     *
     * @throws IllegalStateException when the person's key was destroyed: nothing is sealed for them again
     */
    public SecretKey keyFor(String subjectId) {
        return find(subjectId).orElseGet(() -> {
            jdbc.update("insert into person_key (subject_id, wrapped_key) values (?, ?) on conflict do nothing",
                    subjectId, masterKey.wrap(subjectId, PersonalDataCipher.newKey()));
            return find(subjectId).orElseThrow(() -> new IllegalStateException(
                    "the key of " + subjectId + " was destroyed: their personal data was erased"));
        });
    }

    /** The person's key; empty when they never had one or it was destroyed. */
    public Optional<SecretKey> find(String subjectId) {
        return jdbc.query("select wrapped_key from person_key where subject_id = ? and wrapped_key is not null",
                        (rs, n) -> masterKey.unwrap(subjectId, rs.getBytes(1)), subjectId)
                .stream().findFirst();
    }

    public boolean destroyed(String subjectId) {
        return !destroyedAmong(Set.of(subjectId)).isEmpty();
    }

    /** Those of the subjects whose key was destroyed. */
    public Set<String> destroyedAmong(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select subject_id from person_key where destroyed_at is not null and subject_id = any (?)",
                String.class, (Object) subjectIds.toArray(String[]::new)));
    }

    /** Destroys the person's key, keeping the mark that it was; a person who never had one is marked all the same. */
    public void destroy(String subjectId) {
        jdbc.update("""
                insert into person_key (subject_id, wrapped_key, destroyed_at) values (?, null, now())
                on conflict (subject_id) do update set wrapped_key = null,
                                                       destroyed_at = coalesce(person_key.destroyed_at, now())""",
                subjectId);
    }
}
