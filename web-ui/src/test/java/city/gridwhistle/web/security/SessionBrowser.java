package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the pages' session cares: it keeps cookies, and shows redirects instead of following them.
 * No script runs: a test reads the CSRF token from the page as a script would.
 */
final class SessionBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    SessionBrowser(int port) {
        this.port = port;
    }

    /** A browser signed in through the form (the sign-in must succeed). */
    static SessionBrowser signedIn(int port, String username, String password) {
        SessionBrowser browser = new SessionBrowser(port);
        HttpResponse<String> signIn = browser.signIn(username, password);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).as("signed in").doesNotContain("/login");
        return browser;
    }

    /** Posts the sign-in form with the page's CSRF token: the raw answer. */
    HttpResponse<String> signIn(String username, String password) {
        String csrf = csrfTokenIn(get("/login").body());
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** An API call with the session, as the pages' scripts make it, with extra headers and a JSON body. */
    HttpResponse<String> send(String method, String path, Map<String, String> headers, String json) {
        return sendRaw(method, path, headers, json);
    }

    /** An API call with the session, as the pages' scripts make it, with extra headers and no body. */
    HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        return sendRaw(method, path, headers, null);
    }

    /** An API call with the session and a JSON body, carrying the CSRF token of the page at {@code page}. */
    HttpResponse<String> sendJsonFrom(String page, String method, String path, String json) {
        String token = csrfMetaIn(get(page).body());
        return sendRaw(method, path, Map.of("X-CSRF-TOKEN", token, "Content-Type", "application/json"), json);
    }

    private HttpResponse<String> sendRaw(String method, String path, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where a redirect points, as a path (the answer must be a redirect). */
    static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    static String csrfTokenIn(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        assertThat(field.find()).as("a _csrf field in %s", html).isTrue();
        return field.group(1);
    }

    static String csrfMetaIn(String html) {
        Matcher meta = CSRF_META.matcher(html);
        assertThat(meta.find()).as("a _csrf meta tag in %s", html).isTrue();
        return meta.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
