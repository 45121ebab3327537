package city.gridwhistle.command.identity;

import city.gridwhistle.infra.privacy.MasterKey;
import city.gridwhistle.infra.privacy.PersonalDataCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.crypto.SecretKey;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway 7.1, between {@code V7__personal_data_keys.sql} (adds the key table and the ciphertext columns) and
 * {@code V7_2__drop_plain_rider_identity.sql} (drops the plain columns): seals every name and phone stored in plain
 * before, each rider under a key of their own. A Java migration because it needs the master key, which stays out
 * of the database; Spring Boot hands Flyway every {@link JavaMigration} bean.
 */
@Component
public class RiderIdentityEncryptionMigration implements JavaMigration {

    private final MasterKey masterKey;

    public RiderIdentityEncryptionMigration(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7.1");
    }

    @Override
    public String getDescription() {
        return "seal plain rider identities";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement plain = connection.prepareStatement(
                     "select rider_id, name, phone from rider_identity where name is not null or phone is not null");
             PreparedStatement insertKey = connection.prepareStatement(
                     "insert into person_key (subject_id, wrapped_key) values (?, ?)");
             PreparedStatement seal = connection.prepareStatement("""
                     update rider_identity set name_ciphertext = ?, phone_ciphertext = ?, name = null, phone = null
                      where rider_id = ?""");
             ResultSet rows = plain.executeQuery()) {
            while (rows.next()) {
                String riderId = rows.getString(1);
                SecretKey key = PersonalDataCipher.newKey();
                insertKey.setString(1, riderId);
                insertKey.setBytes(2, masterKey.wrap(riderId, key));
                insertKey.addBatch();
                seal.setBytes(1, PersonalDataCipher.sealText(key, rows.getString(2),
                        RiderIdentities.context(riderId, RiderIdentities.NAME)));
                seal.setBytes(2, PersonalDataCipher.sealText(key, rows.getString(3),
                        RiderIdentities.context(riderId, RiderIdentities.PHONE)));
                seal.setString(3, riderId);
                seal.addBatch();
            }
            insertKey.executeBatch();
            seal.executeBatch();
        }
    }
}
