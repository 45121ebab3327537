package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseAction;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseView;
import city.gridwhistle.api.casework.CaseVisibility;
import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A case as indexed. Mutable on purpose: the projection folds a case's events into it one by one, and
 * {@link #version} records the sequence number of the last event folded in.
 */
public class CaseDocument {

    /** Elasticsearch's geo_point as an object, so the source reads as {@code {"lat":..,"lon":..}}. */
    public record Location(double lat, double lon) {
    }

    public String caseId;
    public CaseStatus status;
    public String family;
    public String categoryCode;
    public String majorCode;
    public String categoryZh;
    public String categoryEn;
    public String urgency;
    public String description;
    public String address;
    public Location location;
    public String cellCode;
    public String cellName;
    public String districtCode;
    public String district;
    public String streetCode;
    public String street;
    public String communityCode;
    public String community;
    public String workerId;
    /**
     * Internal, for the visibility rule (docs/security.md); never shown as such: who reported first (a pseudonymous
     * id), who reported or corroborated, and who follows (reporters follow too).
     */
    public String reporterId;
    public List<String> reporterIds = new ArrayList<>();
    public List<String> followerIds = new ArrayList<>();
    public boolean awaitingSupervisor;
    public int reportCount;
    public int priority;
    public int followerCount;
    public int reworkCount;
    public int transferCount;
    public boolean escalated;
    public int escalationCount;
    public List<String> overdueSteps = new ArrayList<>();
    public String step;
    public Instant stepStartedAt;
    public Instant stepWarnAt;
    public Instant stepDueAt;
    public boolean stepWarned;
    public String resolvedBy;
    /** Precomputed for the performance figures (docs/metrics.md); null until the step they judge is done. */
    public Boolean dispatchedOnTime;
    public Boolean handledOnTime;
    public Boolean closedOnTime;
    public boolean reworked;
    public Long handlingMinutes;
    public String statusNote;
    public List<String> photoHashes = new ArrayList<>();
    public List<String> resolutionPhotoHashes = new ArrayList<>();
    /** Internal: every photo any event of the case carries (notes and verifications too), for who may fetch it. */
    public List<String> allPhotoHashes = new ArrayList<>();
    public Instant reportedAt;
    public Instant registeredAt;
    public Instant dispatchedAt;
    public Instant acceptedAt;
    public Instant resolvedAt;
    public Instant closedAt;
    public Instant voidedAt;
    public Instant parkedAt;
    /** The answers to the category's questions given with the report (Open311's attributes), code to value. */
    public java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
    /** When any event last changed the case (not a follow, not a deadline's warning): Open311's updated time. */
    public Instant lastModifiedAt;
    /** Sequence number of the last event applied; -1 before the first. */
    public long version = -1;

    /** The step's clock stopped: nothing is due until the next step starts. */
    void stopClock() {
        step = null;
        stepStartedAt = null;
        stepWarnAt = null;
        stepDueAt = null;
        stepWarned = false;
    }

    /** Every rider the document names: its reporters and its followers. */
    Stream<String> riderIds() {
        return Stream.concat(Stream.ofNullable(reporterId), Stream.concat(reporterIds.stream(), followerIds.stream()));
    }

    /** What the visibility rule needs of this case. Documents indexed before reporterIds name the first only. */
    CaseVisibility.Parties parties() {
        List<String> reporters = reporterIds.isEmpty() && reporterId != null ? List.of(reporterId) : reporterIds;
        return new CaseVisibility.Parties(status, districtCode, cellCode, workerId, reporters, followerIds);
    }

    CaseView toView(String reporterHandle) {
        CellRef cell = cellCode == null ? null
                : new CellRef(cellCode, cellName, districtCode, district, streetCode, street, communityCode, community);
        return new CaseView(caseId, status, categoryCode, categoryZh, categoryEn, urgency, description, address,
                location == null ? null : new GeoPoint(location.lat(), location.lon()), cell, workerId,
                reporterHandle, awaitingSupervisor, reportCount, priority, followerCount, reworkCount, escalated, List.copyOf(overdueSteps),
                step, stepDueAt, stepWarned, statusNote, List.copyOf(photoHashes), List.copyOf(resolutionPhotoHashes),
                reportedAt, registeredAt, dispatchedAt, acceptedAt, resolvedAt, closedAt,
                status == null ? List.of() : List.copyOf(CaseAction.allowedIn(status)), version,
                attributes == null ? java.util.Map.of() : attributes);
    }
}
