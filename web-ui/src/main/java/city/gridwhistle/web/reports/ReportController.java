package city.gridwhistle.web.reports;

import city.gridwhistle.api.casework.FindNearbyOpenCasesQuery;
import city.gridwhistle.api.casework.FindPhotoReferencesQuery;
import city.gridwhistle.api.casework.NearbyCases;
import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.web.photos.PhotoRejectedException;
import city.gridwhistle.web.photos.PhotoStore;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Riders file hazard reports here; each report opens a case that is registered and dispatched at once. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PhotoStore photos;
    private final ReportRateLimit rateLimit;

    ReportController(CommandGateway commands, QueryGateway queries, PhotoStore photos, ReportRateLimit rateLimit) {
        this.commands = commands;
        this.queries = queries;
        this.photos = photos;
        this.rateLimit = rateLimit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportReceipt> file(@Valid @RequestBody ReportRequest report, Actor reporter) {
        rateLimit.acquire(reporter.id());
        return file(report, List.of(), reporter);
    }

    /** The same report with photos: a JSON part {@code report} and up to five {@code photo} parts. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportReceipt> fileWithPhotos(@Valid @RequestPart("report") ReportRequest report,
                                                 @RequestPart(name = "photo", required = false) List<MultipartFile> uploads,
                                                 Actor reporter) {
        rateLimit.acquire(reporter.id());
        List<MultipartFile> parts = uploads == null ? List.of() : uploads;
        if (parts.size() > photos.maxCount()) {
            throw new PhotoRejectedException(PhotoRejectedException.Problem.TOO_MANY,
                    "a report may carry at most " + photos.maxCount() + " photos");
        }
        // every photo is checked before any is kept, and a refused report takes its photos back: nothing of it stays
        List<PhotoStore.Prepared> prepared = parts.stream().map(this::prepare).toList();
        List<PhotoRef> kept = prepared.stream().map(photo -> photos.keep(photo, reporter.id())).toList();
        try {
            return file(report, kept, reporter);
        } catch (RuntimeException refused) {
            try {
                photos.forget(kept, reporter.id(), sha -> queries.query(new FindPhotoReferencesQuery(Set.of(sha)),
                        ResponseTypes.multipleInstancesOf(String.class)).join().contains(sha));
            } catch (RuntimeException cleanupFailed) {
                // the uploads stay until they expire (PhotoExpiry); the caller hears why the report was refused
                refused.addSuppressed(cleanupFailed);
            }
            throw refused;
        }
    }

    /** Open cases near where the rider stands, nearest first: follow one instead of reporting it again. */
    @GetMapping("/nearby")
    NearbyCases nearby(@RequestParam double lat, @RequestParam double lon,
                       @RequestParam(required = false) String category,
                       @RequestParam(defaultValue = "200") int radius, Actor viewer) {
        if (radius < 1 || radius > FindNearbyOpenCasesQuery.MAX_RADIUS_METERS) {
            throw new InvalidParameterException("radius", "1.." + FindNearbyOpenCasesQuery.MAX_RADIUS_METERS + " metres");
        }
        GeoPoint point;
        try {
            point = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("lat,lon", e.getMessage());
        }
        return queries.query(new FindNearbyOpenCasesQuery(point, radius, category, viewer), NearbyCases.class).join();
    }

    private ResponseEntity<ReportReceipt> file(ReportRequest report, List<PhotoRef> photoRefs, Actor reporter) {
        String caseId = UUID.randomUUID().toString();
        ReportReceipt receipt = commands.sendAndWait(new FileReportCommand(caseId, UUID.randomUUID().toString(),
                reporter.id(), report.categoryCode().trim(), new GeoPoint(report.lat(), report.lon()), report.address(),
                report.description(), photoRefs, report.deviceTime()));
        return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseId())).body(receipt);
    }

    private PhotoStore.Prepared prepare(MultipartFile upload) {
        try {
            return photos.prepare(upload.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
