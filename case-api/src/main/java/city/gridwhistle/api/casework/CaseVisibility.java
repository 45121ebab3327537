package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who sees how much of a case: the one rule that the case file applies to every action and the query side to every
 * read (its search filters express the same rule for the index, and a test holds the two together). Riders and
 * partners see what they reported, corroborated or follow, and the public record; a grid worker sees the cases of
 * their cells and those assigned to them; a supervisor those of their district (all when they hold no unit); an
 * administrator and the system everything.
 */
public final class CaseVisibility {

    private CaseVisibility() {
    }

    /**
     * What the rule needs to know of a case.
     *
     * @param reporterIds who reported or corroborated it (riders' or partners' ids)
     * @param followerIds who follows it (reporters follow too)
     */
    public record Parties(CaseStatus status, String districtCode, String cellCode, String workerId,
                          Collection<String> reporterIds, Collection<String> followerIds) {

        public Parties {
            reporterIds = reporterIds == null ? List.of() : reporterIds;
            followerIds = followerIds == null ? List.of() : followerIds;
        }
    }

    /** Whether the case is on the public record (Open311's list, nearby reports): every case but a voided one. */
    public static boolean onPublicRecord(CaseStatus status) {
        return status != null && status != CaseStatus.VOIDED && status != CaseStatus.MERGED;
    }

    /**
     * How much of the case the viewer may see.
     *
     * @param worksCell for a grid worker viewer: whether they are a worker of the cell with this code
     */
    public static CaseSight sightOf(Actor viewer, Parties parties, Predicate<String> worksCell) {
        if (viewer == null || viewer.role() == null) {
            return CaseSight.NONE;
        }
        return switch (viewer.role()) {
            case ADMIN, SYSTEM -> CaseSight.HANDLER;
            case SUPERVISOR -> viewer.covers(parties.districtCode()) ? CaseSight.HANDLER : CaseSight.NONE;
            case GRID_WORKER -> viewer.id().equals(parties.workerId())
                    || parties.cellCode() != null && worksCell.test(parties.cellCode())
                    ? CaseSight.HANDLER : CaseSight.NONE;
            case RIDER, PARTNER -> parties.reporterIds().contains(viewer.id()) ? CaseSight.REPORTER
                    : parties.followerIds().contains(viewer.id()) ? CaseSight.FOLLOWER
                    : onPublicRecord(parties.status()) ? CaseSight.PUBLIC : CaseSight.NONE;
        };
    }
}
