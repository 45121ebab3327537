package city.gridwhistle.web.photos;

import city.gridwhistle.web.problem.NotFoundException;
import city.gridwhistle.api.shared.PhotoRef;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
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

    PhotoController(PhotoStore photos) {
        this.photos = photos;
    }

    /** Upload a photo (multipart part {@code photo}) to use as evidence in a case action. */
    @PostMapping(path = "/api/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoRef> upload(@RequestPart("photo") MultipartFile photo) throws IOException {
        PhotoRef stored = photos.store(photo.getBytes());
        return ResponseEntity.created(URI.create("/api/photos/" + stored.sha256())).body(stored);
    }

    /** A photo never changes under its hash, so clients may cache it for good. */
    @GetMapping("/api/photos/{sha256}")
    ResponseEntity<byte[]> photo(@PathVariable String sha256) {
        return photos.load(sha256)
                .map(photo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(photo.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .eTag('"' + sha256 + '"')
                        .body(photo.bytes()))
                .orElseThrow(() -> new NotFoundException("no photo has this hash"));
    }
}
