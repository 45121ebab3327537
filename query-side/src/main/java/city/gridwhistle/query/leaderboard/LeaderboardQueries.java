package city.gridwhistle.query.leaderboard;

import city.gridwhistle.api.rider.FindLeaderboardQuery;
import city.gridwhistle.api.rider.Leaderboard;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class LeaderboardQueries {

    private final JdbcTemplate jdbc;

    public LeaderboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Leaderboard handle(FindLeaderboardQuery query) {
        int limit = Math.clamp(query.limit(), 1, FindLeaderboardQuery.MAX_LIMIT);
        record Row(String name, int points) {
        }
        List<Row> rows = jdbc.query("""
                select r.display_name, sum(a.points) as points
                  from leaderboard_award a join leaderboard_rider r on r.rider_id = a.rider_id
                 where r.district_code = ? and a.month = ? and r.display_name is not null
                 group by r.rider_id, r.display_name
                 order by points desc, r.display_name
                 limit ?""", (rs, n) -> new Row(rs.getString(1), rs.getInt(2)),
                query.districtCode(), query.month().atDay(1), limit);
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean tied = i > 0 && rows.get(i).points() == rows.get(i - 1).points();
            int rank = tied ? entries.get(i - 1).rank() : i + 1;
            entries.add(new Leaderboard.Entry(rank, rows.get(i).name(), rows.get(i).points()));
        }
        return new Leaderboard(query.districtCode(), query.month(), entries);
    }
}
