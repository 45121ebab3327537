package city.gridwhistle.command.identity;

import jakarta.annotation.PostConstruct;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code person_key} table: one data key per person, wrapped by the {@link MasterKey}, never in the events.
 * Destroying a person's key makes everything sealed with it unreadable, wherever a copy of the ciphertext lies.
 */
@Component
public class PersonKeys {

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    public PersonKeys(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** A master key other than the one the stored keys were wrapped with would make every identity unreadable. */
    @PostConstruct
    void masterKeyOpensTheStoredKeys() {
        jdbc.query("select subject_id, wrapped_key from person_key limit 1", rs -> {
            try {
                masterKey.unwrap(rs.getString(1), rs.getBytes(2));
            } catch (UnreadablePersonalDataException e) {
                throw new IllegalStateException("the configured master key is not the one the person keys were "
                        + "wrapped with: restore gridwhistle.privacy.master-key (or <data-dir>/keys/master.key)", e);
            }
        });
    }

    /** The person's key, created at the first need. */
    public SecretKey keyFor(String subjectId) {
        return find(subjectId).orElseGet(() -> {
            jdbc.update("insert into person_key (subject_id, wrapped_key) values (?, ?) on conflict do nothing",
                    subjectId, masterKey.wrap(subjectId, PersonalDataCipher.newKey()));
            return find(subjectId).orElseThrow();
        });
    }

    public Optional<SecretKey> find(String subjectId) {
        return jdbc.query("select wrapped_key from person_key where subject_id = ?",
                        (rs, n) -> masterKey.unwrap(subjectId, rs.getBytes(1)), subjectId)
                .stream().findFirst();
    }

    public void destroy(String subjectId) {
        jdbc.update("delete from person_key where subject_id = ?", subjectId);
    }
}
