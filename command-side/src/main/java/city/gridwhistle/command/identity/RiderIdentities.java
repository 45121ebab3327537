package city.gridwhistle.command.identity;

import city.gridwhistle.api.casework.ReporterIdentity;
import city.gridwhistle.infra.privacy.PersonKeys;
import city.gridwhistle.infra.privacy.PersonalDataCipher;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code rider_identity} table: each rider's name and phone, sealed with the rider's own key from
 * {@link PersonKeys}. An erased rider keeps a row that says when, and nothing more.
 */
@Component
public class RiderIdentities {

    static final String NAME = "name";
    static final String PHONE = "phone";

    private final JdbcTemplate jdbc;
    private final PersonKeys keys;

    public RiderIdentities(JdbcTemplate jdbc, PersonKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public void save(String riderId, String name, String phone) {
        SecretKey key = keys.keyFor(riderId);
        jdbc.update("""
                insert into rider_identity (rider_id, name_ciphertext, phone_ciphertext) values (?, ?, ?)
                on conflict (rider_id) do update set name_ciphertext = excluded.name_ciphertext,
                                                     phone_ciphertext = excluded.phone_ciphertext, erased_at = null""",
                riderId, PersonalDataCipher.sealText(key, name, context(riderId, NAME)),
                PersonalDataCipher.sealText(key, phone, context(riderId, PHONE)));
    }

    /** The rider's name and phone, or the rider shown as erased; empty when the rider never gave them. */
    public Optional<ReporterIdentity> find(String riderId) {
        return jdbc.query("select name_ciphertext, phone_ciphertext, erased_at from rider_identity where rider_id = ?",
                (rs, n) -> rs.getTimestamp(3) != null ? ReporterIdentity.erased(riderId)
                        : open(riderId, rs.getBytes(1), rs.getBytes(2)), riderId)
                .stream().findFirst();
    }

    /** Destroys the rider's key and drops the ciphertexts too; the row remains to say the rider was erased. */
    public void erase(String riderId) {
        keys.destroy(riderId);
        jdbc.update("""
                insert into rider_identity (rider_id, erased_at) values (?, now())
                on conflict (rider_id) do update set name_ciphertext = null, phone_ciphertext = null,
                                                     erased_at = coalesce(rider_identity.erased_at, now())""",
                riderId);
    }

    private ReporterIdentity open(String riderId, byte[] name, byte[] phone) {
        SecretKey key = keys.find(riderId).orElseThrow(() -> new IllegalStateException(
                "rider " + riderId + " has sealed personal data but no key, and was not erased"));
        return new ReporterIdentity(riderId, PersonalDataCipher.openText(key, name, context(riderId, NAME)),
                PersonalDataCipher.openText(key, phone, context(riderId, PHONE)));
    }

    /** Binds a sealed value to its rider and field: moved anywhere else, it no longer opens. */
    static String context(String riderId, String field) {
        return "rider/" + riderId + "/" + field;
    }
}
