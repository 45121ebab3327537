package city.gridwhistle.command.identity;

import city.gridwhistle.api.casework.ReporterIdentity;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code rider_identity} table. */
@Component
public class RiderIdentities {

    private final JdbcTemplate jdbc;

    public RiderIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String riderId, String name, String phone) {
        jdbc.update("""
                insert into rider_identity (rider_id, name, phone) values (?, ?, ?)
                on conflict (rider_id) do update set name = excluded.name, phone = excluded.phone""",
                riderId, name, phone);
    }

    public Optional<ReporterIdentity> find(String riderId) {
        return jdbc.query("select rider_id, name, phone from rider_identity where rider_id = ?",
                (rs, n) -> new ReporterIdentity(rs.getString(1), rs.getString(2), rs.getString(3)), riderId)
                .stream().findFirst();
    }
}
