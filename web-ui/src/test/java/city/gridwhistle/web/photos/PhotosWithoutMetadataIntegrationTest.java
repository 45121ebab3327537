package city.gridwhistle.web.photos;

import static city.gridwhistle.web.photos.PhotoFiles.contains;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A rider's photo over real HTTP, uploaded alone or with a report, with its position in its EXIF: what is served back
 * to the rider carries none of its metadata. A decompression bomb is refused with a problem, and nothing is kept.
 */
@IntegrationTest
class PhotosWithoutMetadataIntegrationTest {

    /** A rider few other tests file as, so that the reports' rate limit stays far. */
    private static final String RIDER = "r004";

    @Autowired
    private TestRestTemplate server;
    @Value("${gridwhistle.data-dir}")
    private String dataDir;
    private Api api;
    private TestRestTemplate rider;

    @BeforeEach
    void signIn() {
        api = new Api(server);
        rider = api.as(RIDER);
    }

    @Test
    void aPhotoUploadedWithItsPositionIsServedBackWithoutIt() throws IOException {
        byte[] photo = PhotoFiles.jpeg(Color.ORANGE, PhotoFiles.phoneSegments(ByteOrder.BIG_ENDIAN), new byte[0]);

        String sha256 = api.uploadPhoto(photo, RIDER);

        assertServedWithoutMetadata(sha256, photo);
    }

    @Test
    void aReportsPhotoIsServedBackWithoutItsPosition() throws IOException {
        byte[] photo = PhotoFiles.jpeg(Color.CYAN, PhotoFiles.phoneSegments(ByteOrder.LITTLE_ENDIAN), new byte[0]);

        ResponseEntity<JsonNode> filed = fileWithPhoto("C0105", photo);

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode found = api.awaitCase(filed.getBody().path("caseId").asText(), c -> c.path("photoHashes").size() == 1);
        assertServedWithoutMetadata(found.path("photoHashes").path(0).asText(), photo);
    }

    @Test
    void aDecompressionBombIsRefusedAndNothingIsKept() throws IOException {
        byte[] bomb = PhotoFiles.pngHeader(100_000, 100_000);
        List<Path> before = storedPhotos();

        for (ResponseEntity<JsonNode> refused : List.of(upload(bomb), fileWithPhoto("C0104", bomb))) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(refused.getBody().path("type").asText()).isEqualTo("/problems/photo-too-many-pixels");
            assertThat(refused.getBody().path("detail").asText()).contains("100000 × 100000");
            assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("photo");
        }
        assertThat(storedPhotos()).isEqualTo(before);
    }

    /** Fetched as the rider who sent it: the stored photo is the cleaned one, under the hash of its own bytes. */
    private void assertServedWithoutMetadata(String sha256, byte[] sent) throws IOException {
        ResponseEntity<byte[]> served = rider.getForEntity("/api/photos/" + sha256, byte[].class);

        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        byte[] bytes = served.getBody();
        assertThat(sha256(bytes)).isEqualTo(sha256).isNotEqualTo(sha256(sent));
        assertThat(contains(bytes, PhotoFiles.LATITUDE)).as("GPS latitude").isFalse();
        assertThat(contains(bytes, PhotoFiles.LATITUDE_LITTLE_ENDIAN)).as("GPS latitude").isFalse();
        for (String trace : List.of(PhotoFiles.MAKE, PhotoFiles.MODEL, PhotoFiles.TAKEN, "x:xmpmeta",
                PhotoFiles.CITY, PhotoFiles.COMMENT)) {
            assertThat(contains(bytes, trace)).as(trace).isFalse();
        }
        assertThat(bytes).isEqualTo(PhotoFiles.clean(sent));
        assertThat(PhotoFiles.pixels(bytes)).isEqualTo(PhotoFiles.pixels(sent));
    }

    private ResponseEntity<JsonNode> upload(byte[] photo) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("photo", part(photo));
        return rider.postForEntity("/api/photos", multipart(body), JsonNode.class);
    }

    /** A report at a place and of a category no other test files, so that it opens a case of its own. */
    private ResponseEntity<JsonNode> fileWithPhoto(String category, byte[] photo) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("report", new HttpEntity<>(Map.of("categoryCode", category, "lat", DemoCity.SHUFANG_05[0],
                "lon", DemoCity.SHUFANG_05[1], "description", "消防栓漏水，照片里有手机的定位"), json));
        body.add("photo", part(photo));
        return rider.postForEntity("/api/reports", multipart(body), JsonNode.class);
    }

    private static HttpEntity<ByteArrayResource> part(byte[] photo) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(new ByteArrayResource(photo) {
            @Override
            public String getFilename() {
                return "hazard.jpg";
            }
        }, headers);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(LinkedMultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    private List<Path> storedPhotos() throws IOException {
        Path photos = Path.of(dataDir, "photos");
        if (!Files.exists(photos)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(photos)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
