package city.gridwhistle.web.photos;

import city.gridwhistle.web.problem.NotFoundException;
import city.gridwhistle.api.casework.FindPhotoAccessQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.web.limits.LimitProperties;
import city.gridwhistle.web.limits.RateLimits;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class PhotoController {

    private final PhotoStore photos;
    private final QueryGateway queries;
    private final RateLimits.Limit uploads;

    PhotoController(PhotoStore photos, QueryGateway queries, RateLimits rateLimits, LimitProperties limits) {
        this.photos = photos;
        this.queries = queries;
        this.uploads = rateLimits.limit("photos", limits.photosPerWindow(), limits.photoWindow(), "photos");
    }

    /** Upload a photo (multipart part {@code photo}) to use as evidence in a case action. */
    @PostMapping(path = "/api/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoRef> upload(@RequestPart("photo") MultipartFile photo, Actor uploader) throws IOException {
        uploads.acquire(uploader.id());
        PhotoRef stored = photos.store(photo.getBytes(), uploader.id());
        return ResponseEntity.created(URI.create("/api/photos/" + stored.sha256())).body(stored);
    }

    /**
     * A photo, to whoever sent it and to those who may see a case it belongs to as its reporter or handler; to
     * anyone else it does not exist. It never changes under its hash, but who may see it can: browsers keep it for
     * an hour, and no shared cache keeps it at all.
     */
    @GetMapping("/api/photos/{sha256}")
    ResponseEntity<byte[]> photo(@PathVariable String sha256, Actor viewer) {
        boolean allowed = sha256.matches("[0-9a-f]{64}") && (photos.uploadedBy(sha256, viewer.id())
                || queries.query(new FindPhotoAccessQuery(sha256, viewer), Boolean.class).join());
        return photos.load(allowed ? sha256 : "")
                .map(photo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(photo.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                        .eTag('"' + sha256 + '"')
                        .body(photo.bytes()))
                .orElseThrow(() -> new NotFoundException("no photo has this hash"));
    }
}
