package city.gridwhistle.query.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook reaches the public internet only: every address its host resolves to is checked, so a name that points
 * inside (or is made to later) is refused, loopback included unless the tests allow it.
 */
class WebhookAddressesTest {

    /** A resolver that knows a few names, as DNS would answer them. */
    private static final Map<String, String[]> DNS = Map.of(
            "partner.example.com", new String[] {"93.184.216.34"},
            "127.0.0.1.nip.io", new String[] {"127.0.0.1"},
            "metadata.google.internal", new String[] {"169.254.169.254"},
            "half.example.com", new String[] {"93.184.216.34", "10.1.2.3"},
            "v6.example.com", new String[] {"2606:2800:220:1:248:1893:25c8:1946"},
            "mapped.example.com", new String[] {"::ffff:192.168.1.1"});

    private final WebhookAddresses strict = new WebhookAddresses(false, WebhookAddressesTest::resolve);
    private final WebhookAddresses forTests = new WebhookAddresses(true, WebhookAddressesTest::resolve);

    @Test
    void aHostOnThePublicInternetReceives() {
        for (String url : new String[] {"https://partner.example.com/hook", "https://v6.example.com/hook",
                "https://93.184.216.34/hook"}) {
            assertThat(strict.refusal(URI.create(url))).as(url).isEmpty();
        }
    }

    @Test
    void aHostThatResolvesInsideIsRefused() {
        for (String url : new String[] {"https://127.0.0.1.nip.io/hook", "https://metadata.google.internal/x",
                "https://half.example.com/hook", "https://mapped.example.com/hook", "http://127.0.0.1:8080/hook",
                "https://[::1]/hook", "https://10.0.0.8/", "https://172.16.5.4/", "https://192.168.0.1/",
                "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://0.0.0.0/",
                "https://[fd00::1]/", "https://[fe80::1]/", "https://224.0.0.1/", "https://255.255.255.255/",
                "https://198.18.0.1/", "https://240.0.0.1/", "https://no-such-host.example/hook"}) {
            assertThat(strict.refusal(URI.create(url))).as(url).isPresent();
        }
    }

    @Test
    void loopbackOnlyWhenAllowedAndNothingElseInside() {
        assertThat(forTests.refusal(URI.create("http://127.0.0.1:8089/hook"))).isEmpty();
        assertThat(forTests.refusal(URI.create("https://127.0.0.1.nip.io/hook"))).isEmpty();
        assertThat(forTests.refusal(URI.create("https://169.254.169.254/"))).isPresent();
        assertThat(forTests.refusal(URI.create("https://10.0.0.8/"))).isPresent();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] known = DNS.get(host);
        if (known == null) {
            if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[known.length];
        for (int i = 0; i < known.length; i++) {
            addresses[i] = InetAddress.getByName(known[i]);
        }
        return addresses;
    }
}
