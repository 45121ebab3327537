package city.gridwhistle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in page's session without a browser: the sign-in page read for its CSRF token, its form posted, and the
 * session cookie kept by the client for every later request.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private PageSession() {
    }

    /** A client holding the session of the account, signed in on the server at {@code root}. */
    public static HttpClient signIn(String root, String username, String password)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(root + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + "&_csrf=" + encode(csrf.group(1));
        browser.send(HttpRequest.newBuilder(URI.create(root + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
