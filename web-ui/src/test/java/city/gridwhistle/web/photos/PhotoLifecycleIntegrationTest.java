package city.gridwhistle.web.photos;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An upload is its sender's until a case holds it: only they read it back; a refused report keeps none of its
 * photos; and an upload no case took is gone after its time to live, while a photo a case holds stays.
 */
@IntegrationTest
class PhotoLifecycleIntegrationTest {

    private static final String SENDER = "r035";

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PhotoExpiry expiry;
    @Value("${gridwhistle.data-dir}")
    private String dataDir;
    private Api api;

    @BeforeEach
    void signIn() {
        api = new Api(server);
    }

    @Test
    void anUploadNoCaseHoldsIsReadOnlyByItsSender() {
        String sha256 = api.uploadPhoto(Pictures.png(new Color(0x35, 0x01, 0x01)), SENDER);

        assertThat(api.as(SENDER).getForEntity("/api/photos/" + sha256, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String other : new String[] {"r036", "w001", "supervisor"}) {
            assertThat(api.as(other).getForEntity("/api/photos/" + sha256, String.class).getStatusCode())
                    .as(other).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void aRefusedReportKeepsNoneOfItsPhotos() {
        byte[] photo = Pictures.png(new Color(0x35, 0x02, 0x02));

        ResponseEntity<JsonNode> refused = api.fileWithPhoto("X9999", new double[] {30.61, 104.127}, "一个不存在的类别",
                "r036", photo);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String sha256 = PhotoHashes.sha256Of(photo);
        assertThat(Files.exists(stored(sha256))).as("the refused report's photo").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from photo_upload where sha256 = ?", Long.class, sha256))
                .isZero();
    }

    @Test
    void anUploadNoCaseTookExpiresButAPhotoACaseHoldsStays() {
        String unattached = api.uploadPhoto(Pictures.png(new Color(0x35, 0x03, 0x03)), SENDER);
        String attached = api.uploadPhoto(Pictures.png(new Color(0x35, 0x04, 0x04)), "w020");
        String caseId = api.fileCase("C0301", new double[] {30.630456, 103.671444}, "公厕门锁坏了 photoexpiry", "r037");
        api.awaitCase(caseId, c -> "W020".equals(c.path("workerId").asText()));
        api.done(caseId, "accept", "w020", Map.of());
        api.done(caseId, "notes", "w020", Map.of("note", "已拍照", "photos", java.util.List.of(attached)));
        api.awaitCase(caseId, c -> c.path("version").asLong() >= 4);
        org.awaitility.Awaitility.await().atMost(Api.READ_MODEL_WITHIN).until(() -> api.as("w020")
                .getForEntity("/api/photos/" + attached, byte[].class).getStatusCode() == HttpStatus.OK);
        jdbc.update("update photo_upload set uploaded_at = now() - interval '2 days' where sha256 in (?, ?)",
                unattached, attached);

        expiry.expire();

        assertThat(Files.exists(stored(unattached))).as("the upload no case took").isFalse();
        assertThat(api.as(SENDER).getForEntity("/api/photos/" + unattached, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Files.exists(stored(attached))).as("the photo a case holds").isTrue();
        assertThat(api.as("w020").getForEntity("/api/photos/" + attached, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private Path stored(String sha256) {
        return Path.of(dataDir, "photos", sha256.substring(0, 2), sha256);
    }
}
