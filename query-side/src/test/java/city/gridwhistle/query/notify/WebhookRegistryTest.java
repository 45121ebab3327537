package city.gridwhistle.query.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.api.shared.CommandRejectedException;
import org.junit.jupiter.api.Test;

class WebhookRegistryTest {

    @Test
    void acceptsHttpsAnywhereAndPlainHttpOnTheLoopbackOnly() {
        assertThat(WebhookRegistry.requireUrl("https://open.partner.example.com/gridwhistle")).hasHost(
                "open.partner.example.com");
        assertThat(WebhookRegistry.requireUrl("http://127.0.0.1:8089/hook")).hasPort(8089);
    }

    @Test
    void refusesPlainHttpToAnotherHostOtherSchemesAndCredentialsInTheUrl() {
        for (String url : new String[] {"http://partner.example.com/hook", "ftp://partner.example.com/hook",
                "https://user:secret@partner.example.com/hook", "not a url", "/relative"}) {
            assertThatThrownBy(() -> WebhookRegistry.requireUrl(url)).as(url)
                    .isInstanceOfSatisfying(CommandRejectedException.class, e -> assertThat(e.field()).isEqualTo("url"));
        }
    }
}
