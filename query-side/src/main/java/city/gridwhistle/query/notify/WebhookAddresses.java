package city.gridwhistle.query.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a webhook may point: only at addresses on the public internet. A host is resolved and every one of its
 * addresses checked, when the webhook is registered and again before each delivery, so that neither a name that
 * resolves to the inside ({@code 127.0.0.1.nip.io}) nor one that is moved there later (rebinding) turns the
 * deliveries into requests to the city's own network or a cloud's metadata service. Loopback is let through only
 * when configured ({@code gridwhistle.notify.webhooks.allow-loopback}, for tests).
 */
public final class WebhookAddresses {

    /** Turns a host name into its addresses (the system's resolver, or a test's). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    public WebhookAddresses(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** Why the URL's host may not receive deliveries, or nothing when every address it resolves to is public. */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL names no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("the host cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() ? !allowLoopback : !isPublic(address)) {
                return Optional.of("the host resolves to an address that is not on the public internet");
            }
        }
        return addresses.length == 0 ? Optional.of("the host cannot be resolved") : Optional.empty();
    }

    /** Not loopback, private, link-local (cloud metadata), shared, reserved, multicast or unspecified. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                          // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240;                                    // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            if (isMapped(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
