package city.gridwhistle.query.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheTimestampAndTheBodyWithHmacSha256() {
        // reference value: printf '1700000000.{"id":"n1"}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"id\":\"n1\"}"))
                .isEqualTo("t=1700000000,v1=177d5152af96b8954bde97dff8530d28a679f8f60c5bdd46d77cf9e28de6b46e");
        assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anotherSecretOrAnotherTimeGivesAnotherSignature() {
        String body = "{\"id\":\"n1\"}";
        String signed = WebhookSignature.header("whsec_a", 1L, body);

        assertThat(WebhookSignature.header("whsec_b", 1L, body)).isNotEqualTo(signed);
        assertThat(WebhookSignature.header("whsec_a", 2L, body)).isNotEqualTo(signed);
    }
}
