package city.gridwhistle.query.notify;

import city.gridwhistle.api.notify.FindPlatformWebhooksQuery;
import city.gridwhistle.api.notify.PlatformWebhook;
import city.gridwhistle.api.notify.RegisterPlatformWebhookCommand;
import city.gridwhistle.api.notify.RegisteredWebhook;
import city.gridwhistle.api.notify.RemovePlatformWebhookCommand;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.notify.PlatformWebhooks;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partner platforms' webhooks, one per platform, kept by administrators. Configuration rather than a fact of
 * the city, and holding a secret that must never enter the events, it lives in a table of its own. A webhook must
 * be HTTPS; plain HTTP is accepted for a loopback address only (a receiver on the same machine, as in tests), and
 * its host must resolve to public addresses only ({@link WebhookAddresses}).
 */
@Component
public class WebhookRegistry {

    private static final int MAX_URL_LENGTH = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final NotifyProperties properties;
    private final WebhookAddresses addresses;

    public WebhookRegistry(JdbcTemplate jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.addresses = new WebhookAddresses(properties.webhooks().allowLoopback(), InetAddress::getAllByName);
    }

    /** Where deliveries may go: checked at registration here, and again before each delivery by the sender. */
    WebhookAddresses addresses() {
        return addresses;
    }

    /** The platform's webhook and its secret. */
    record Target(String webhookId, String platform, URI url, String secret) {
    }

    @CommandHandler
    public RegisteredWebhook handle(RegisterPlatformWebhookCommand command) {
        requireAdmin(command.actor(), "REGISTER_WEBHOOK");
        String platform = command.platform() == null ? null : command.platform().strip();
        if (platform == null || !properties.platforms().contains(platform)) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "platform",
                    "the platform must be one of " + properties.platforms());
        }
        URI url = requireUrl(command.url());
        addresses.refusal(url).ifPresent(reason -> {
            throw invalidUrl(reason);
        });
        String id = HexFormat.of().formatHex(randomBytes(8));
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("""
                insert into notify_webhook (id, platform, url, secret, created_at, created_by) values (?, ?, ?, ?, ?, ?)
                on conflict (platform) do update set id = excluded.id, url = excluded.url, secret = excluded.secret,
                    created_at = excluded.created_at, created_by = excluded.created_by""",
                id, platform, url.toString(), secret, Timestamp.from(now), command.actor().id());
        return new RegisteredWebhook(id, platform, url.toString(), secret, now);
    }

    @CommandHandler
    public boolean handle(RemovePlatformWebhookCommand command) {
        requireAdmin(command.actor(), "REMOVE_WEBHOOK");
        return jdbc.update("delete from notify_webhook where id = ?", command.webhookId()) == 1;
    }

    @QueryHandler
    public PlatformWebhooks handle(FindPlatformWebhooksQuery query) {
        return new PlatformWebhooks(jdbc.query(
                "select id, platform, url, created_at, created_by from notify_webhook order by platform",
                (rs, n) -> new PlatformWebhook(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))));
    }

    /** Where a rider's notifications go: the rider's platform (null while unknown) and its webhook, if it has one. */
    record Destination(String platform, Optional<Target> webhook) {
    }

    Destination forRider(String riderId) {
        return jdbc.query("""
                select r.platform, w.id, w.url, w.secret
                  from notify_rider r left join notify_webhook w on w.platform = r.platform where r.rider_id = ?""",
                (rs, n) -> new Destination(rs.getString(1), rs.getString(2) == null ? Optional.empty() : Optional.of(
                        new Target(rs.getString(2), rs.getString(1), URI.create(rs.getString(3)), rs.getString(4)))),
                riderId).stream().findFirst().orElse(new Destination(null, Optional.empty()));
    }

    static URI requireUrl(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_URL_LENGTH) {
            throw invalidUrl("a URL of at most " + MAX_URL_LENGTH + " characters is required");
        }
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalidUrl("not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalidUrl("an absolute https URL is required");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw invalidUrl("deliveries carry riders' notifications: use https (plain http only on a loopback address)");
        }
        if (url.getUserInfo() != null) {
            throw invalidUrl("credentials do not belong in the URL; deliveries are signed instead");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static CommandRejectedException invalidUrl(String reason) {
        return new CommandRejectedException(Reason.INVALID_FIELD, "url", reason);
    }

    private static void requireAdmin(city.gridwhistle.api.shared.Actor actor, String action) {
        if (actor == null || !actor.is(Role.ADMIN)) {
            throw new NotPermittedException(action, "only an administrator manages webhooks");
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
