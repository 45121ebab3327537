package city.gridwhistle.web.photos;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PhotoController {

    private final PhotoStore photos;

    PhotoController(PhotoStore photos) {
        this.photos = photos;
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
                .orElse(ResponseEntity.notFound().build());
    }
}
