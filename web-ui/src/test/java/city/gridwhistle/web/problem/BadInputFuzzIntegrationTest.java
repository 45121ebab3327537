package city.gridwhistle.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input at scale over the public endpoints: malformed JSON, wrong types, huge bodies, odd Unicode (lone
 * surrogates, NUL, controls), injection strings in every search parameter, forged multipart and odd headers, drawn
 * from jqwik's generators. Every answer must be a 4xx problem detail, never a 5xx, and none of the fuzzing callers
 * may have any event recorded in their name. Failures are collected and reported together, each with the request
 * that caused it, so one run names every 500 there is.
 */
@IntegrationTest
class BadInputFuzzIntegrationTest {

    /** Callers of this suite only: no other test files as them, so their reports and rate limits are ours. */
    private static final List<String> RIDERS = List.of("r025", "r026", "r027");
    private static final String WORKER = "w027";
    private static final String SUPERVISOR = "longquanyi";
    private static final String SUPERVISOR_ID = "S003";
    private static final int SAMPLES = 25;

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<String> failures = new TreeSet<>();
    private Api api;
    private String root;
    private long eventsBefore;
    private int requests;

    @BeforeEach
    void setUp() {
        api = new Api(server);
        root = server.getRootUri();
        eventsBefore = eventsOfFuzzers();
    }

    @AfterEach
    void nothingWasRecorded() {
        assertThat(failures).as("requests answered with something other than a 4xx problem (%d sent)", requests)
                .isEmpty();
        assertThat(eventsOfFuzzers()).as("events recorded in the fuzzing callers' names").isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIsRefused() {
        String valid = validReport();
        Arbitrary<byte[]> malformed = Arbitraries.oneOf(
                Arbitraries.integers().between(0, valid.length() - 1).map(n -> bytes(valid.substring(0, n))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of("", "{", "}", "[]", "null", "true", "42", "\"x\"", "{\"lat\":}", "{'lat':1}",
                        "{\"lat\":1,}", "{\"a\":1}{\"b\":2}", "\uFEFF{}", "{\"description\":\"\\ud800\"",
                        "{\"lat\":0x1F}", "{\"lat\":NaN}", "{\"lat\":1e999999}", "{\"lat\":-}").map(this::bytes),
                Arbitraries.of(new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'},
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                        new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}));
        for (byte[] body : malformed.sampleStream().limit(3L * SAMPLES).toList()) {
            expect4xx(post("/api/reports", rider(), "application/json", body));
            expect4xx(post("/api/cases/" + java.util.UUID.randomUUID() + "/notes", SUPERVISOR, "application/json", body));
            expect4xx(post("/api/auth/token", null, "application/json", body));
        }
    }

    @Test
    void wrongTypesAndOddValuesInReportsAreRefused() {
        Arbitrary<String> field = Arbitraries.of("categoryCode", "lat", "lon", "description", "address", "deviceTime");
        // lat is out of range in every body (or replaced), so none of them is a report that could be filed
        for (int i = 0; i < 3 * SAMPLES; i++) {
            Map<String, String> report = new LinkedHashMap<>(Map.of("categoryCode", json("C0101"), "lat", "91.5",
                    "lon", "104.127508", "description", json("井盖缺失")));
            report.put(field.sample(), oddJsonValue().sample());
            report.put(field.sample(), oddJsonValue().sample());
            if (!report.get("lat").equals("91.5") && !report.get("lat").startsWith("\"")) {
                report.put("lon", "181");
            }
            expect4xx(post("/api/reports", rider(), "application/json", bytes(object(report))));
        }
    }

    @Test
    void textThatIsNotTextIsRefusedBeforeAnythingIsFiled() {
        Arbitrary<String> notText = Arbitraries.oneOf(
                Arbitraries.of("\u0000", "\uD800", "\uDFFF", "a\uDC00b", "\uFFFE", "\u0007", "\u001B[31m", "\uFFFF"),
                Arbitraries.strings().withCharRange('\u0000', '\u0008').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withCharRange('\uD800', '\uDBFF').ofMinLength(1).ofMaxLength(3));
        for (String bad : notText.sampleStream().limit(SAMPLES).toList()) {
            String text = "井盖" + bad + "缺失";
            Map<String, String> report = new LinkedHashMap<>(Map.of("categoryCode", json("C0101"),
                    "lat", Double.toString(DemoCity.LIANGFENG_12[0]), "lon", Double.toString(DemoCity.LIANGFENG_12[1]),
                    "description", json(text)));
            expect4xx(post("/api/reports", rider(), "application/json", bytes(object(report))));
            report.put("description", json("井盖缺失"));
            report.put("address", json(text));
            expect4xx(post("/api/reports", rider(), "application/json", bytes(object(report))));
        }
    }

    @Test
    void injectionIntoEverySearchParameterIsAnsweredWithoutFailure() {
        List<String> parameters = List.of("q", "status", "family", "major", "category", "district", "street",
                "community", "cell", "worker", "urgency", "from", "to", "overdue", "awaitingSupervisor", "near", "bbox",
                "at", "sort", "page", "size", "cursor");
        List<String> values = nasty().sampleStream().limit(SAMPLES).collect(Collectors.toCollection(ArrayList::new));
        values.addAll(forgedCursors());
        List<String> callers = List.of(SUPERVISOR, WORKER, rider());
        int n = 0;
        for (String parameter : parameters) {
            for (String value : values) {
                String caller = callers.get(n++ % callers.size());
                expectNo5xx(get("/api/cases?" + parameter + "=" + encode(value), caller));
            }
            expectNo5xx(get("/api/cases?" + parameter + "=%ED%A0%80%00%C3%28", SUPERVISOR));
        }
        for (String value : values) {
            String v = encode(value);
            expectNo5xx(get("/api/cases/" + v, SUPERVISOR));
            expectNo5xx(get("/api/dashboards/performance?from=" + v + "&groupBy=" + v, SUPERVISOR));
            expectNo5xx(get("/api/dashboards/trend?to=" + v + "&interval=" + v, SUPERVISOR));
            expectNo5xx(get("/api/dashboards/heatmap?zoom=" + v, SUPERVISOR));
            expectNo5xx(get("/api/reports/nearby?lat=" + v + "&lon=104.1&radius=" + v, rider()));
            expectNo5xx(get("/api/stations/nearest?lat=30.6&lon=" + v + "&service=" + v + "&at=" + v, rider()));
            expectNo5xx(get("/api/cases/" + v + "/history", SUPERVISOR));
            expectNo5xx(get("/api/cases/" + v + "/as-of?at=" + v, SUPERVISOR));
        }
    }

    @Test
    void hugeBodiesAreRefused() {
        String big = "井".repeat(1_000_000);
        expect4xx(post("/api/reports", rider(), "application/json", bytes(object(Map.of("categoryCode", json("C0101"),
                "lat", "91", "lon", "104.1", "description", json(big))))));
        expect4xx(post("/api/reports", rider(), "application/json", bytes("[".repeat(100_000))));
        expect4xx(post("/api/reports", rider(), "application/json",
                bytes("{\"description\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001))));
        expect4xx(post("/api/cases/" + java.util.UUID.randomUUID() + "/notes", SUPERVISOR, "application/json",
                bytes(object(Map.of("note", json("x".repeat(5_000_000)))))));
        expect4xx(post("/api/auth/token", null, "application/json",
                bytes(object(Map.of("username", json("u".repeat(2_000_000)), "password", json("p"))))));
    }

    @Test
    void forgedMultipartIsRefused() {
        String boundary = "fuzz" + Long.toHexString(System.nanoTime());
        String report = object(Map.of("categoryCode", json("C0101"), "lat", "91", "lon", "104.1",
                "description", json("井盖")));
        List<byte[]> bodies = List.of(
                multipart(boundary, part("report", null, "application/json", bytes(report))),
                multipart(boundary, part("photo", "a.png", "image/png", Api.PNG)),
                multipart(boundary, part("report", null, "text/plain", bytes("not json"))),
                multipart(boundary, part("report", "../../etc/passwd\u0000.json", "application/json", bytes("{"))),
                multipart(boundary, part("report", null, "application/json", bytes(validReport())),
                        part("photo", "x.png", "image/png", bytes("<svg onload=alert(1)>"))),
                multipart(boundary, part("report", null, "application/json", bytes(validReport())),
                        part("photo", "1.png", "image/png", Api.PNG), part("photo", "2.png", "image/png", Api.PNG),
                        part("photo", "3.png", "image/png", Api.PNG), part("photo", "4.png", "image/png", Api.PNG),
                        part("photo", "5.png", "image/png", Api.PNG), part("photo", "6.png", "image/png", Api.PNG)),
                bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{\"lat\":"),
                bytes("--other\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{}\r\n--other--\r\n"),
                bytes("--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + boundary + "--\r\n"),
                new byte[0]);
        for (byte[] body : bodies) {
            expect4xx(post("/api/reports", rider(), "multipart/form-data; boundary=" + boundary, body));
            // some of these carry a real PNG part, which the photo store rightly keeps (it records no event)
            expectNo5xx(post("/api/photos", rider(), "multipart/form-data; boundary=" + boundary, body));
        }
        expect4xx(post("/api/reports", rider(), "multipart/form-data", bytes("no boundary at all")));
        expect4xx(post("/api/reports", rider(), "multipart/form-data; boundary=", bytes("--\r\n")));
        expect4xx(post("/api/photos", rider(), "image/png", Api.PNG));
    }

    @Test
    void oddHeadersAreRefused() {
        String caseId = java.util.UUID.randomUUID().toString();
        for (String value : nasty().sampleStream().limit(SAMPLES).toList()) {
            String header = headerSafe(value);
            if (header.isEmpty()) {
                continue;
            }
            byte[] report = bytes(object(Map.of("categoryCode", json("C0101"), "lat", "91", "lon", "104.1",
                    "description", json("x"))));
            expect4xx(send(request("/api/reports", rider()).header("Idempotency-Key", header)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(report))));
            expect4xx(send(request("/api/cases/" + caseId + "/park", SUPERVISOR).header("If-Match", header)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"))));
            expect4xx(post("/api/reports", rider(), header, report));
            // a client that accepts neither JSON nor problem JSON gets 406 with no body: there is no type to write
            Exchange accept = send(request("/api/cases", SUPERVISOR).header("Accept", header).GET());
            if (accept.status() != 406) {
                expectNo5xx(accept);
            }
        }
    }

    /**
     * Open311 filing (form fields with a partner's key) and reading: odd values in every field are answered 4xx in
     * the specification's error format, never 5xx, and nothing is filed in the partner's name. Every filed body keeps
     * its point off the globe (lat 91.5 or long 181), so none of them is a request that could be accepted.
     */
    @Test
    void oddOpen311RequestsAreRefusedInTheSpecificationsFormat() {
        String key = api.partnerKey("open311 fuzz client");
        String keyId = key.split("_")[1];
        long before = eventsMentioning(keyId);
        Arbitrary<String> field = Arbitraries.of("service_code", "lat", "long", "description", "address_string",
                "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone", "media_url",
                "attribute[x]", "jurisdiction_id", "api_key");
        for (int i = 0; i < 3 * SAMPLES; i++) {
            Map<String, String> form = new LinkedHashMap<>(Map.of("api_key", key, "service_code", "E0501",
                    "lat", "91.5", "long", "104.262937", "description", "消防通道被堵塞"));
            form.put(field.sample(), nasty().sample());
            form.put(field.sample(), nasty().sample());
            if (!form.get("lat").equals("91.5")) {
                form.put("long", "181");
            }
            String format = i % 2 == 0 ? "json" : "xml";
            expectOpen311Error(post("/open311/v2/requests." + format, null, "application/x-www-form-urlencoded",
                    bytes(form(form))));
        }
        for (String body : List.of("", "=", "&&&", "lat=%zz", "api_key=" + key + "&lat=%", "%E4%B8",
                "api_key=" + key + "&" + "description=x&".repeat(20_000))) {
            expectOpen311Error(post("/open311/v2/requests.json", null, "application/x-www-form-urlencoded", bytes(body)));
        }
        expectOpen311Error(post("/open311/v2/requests.json", null, "application/json",
                bytes("{\"api_key\":\"" + key + "\",\"lat\":91.5}")));
        for (String value : nasty().sampleStream().limit(SAMPLES).toList()) {
            String v = encode(value);
            expectNo5xx(get("/open311/v2/requests.json?start_date=" + v + "&end_date=" + v + "&status=" + v
                    + "&service_code=" + v, null));
            expectNo5xx(get("/open311/v2/requests.xml?service_request_id=" + v, null));
            expectNo5xx(get("/open311/v2/requests/" + v + ".json", null));
            expectNo5xx(get("/open311/v2/services/" + v + ".xml", null));
        }
        assertThat(eventsMentioning(keyId)).as("events recorded in the fuzzing partner's name").isEqualTo(before);
    }

    // ---- generators

    /** Strings that break naive code: injections, odd Unicode, numbers at the edges, and jqwik's anything. */
    private static Arbitrary<String> nasty() {
        return Arbitraries.oneOf(
                Arbitraries.of("' OR '1'='1", "\"; drop table domain_event_entry; --", "1; select pg_sleep(5)",
                        "{\"query\":{\"match_all\":{}}}", "*", "?", "\\", "a AND (b", "title:/.*/", "~", "^2",
                        "${jndi:ldap://x/a}", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%",
                        "\u0000", "\uD800", "\uDFFF", "a\uDC00b", "\u202Eevil", "\uFEFF", "𠀀𠀁", "ＡＢＣ", "é",
                        "-1", "0", "2147483648", "-2147483649", "1e309", "NaN", "Infinity", "-0.0",
                        "9".repeat(400), "2026-13-45", "2026-02-30T25:61:00Z", "30.6,104.1,-5", "30.6,104.1,1e10",
                        "91,181", ",,,", "30.6,104.1,30.5,104.2", "true", "null", "[]", "{}", "NEWEST,OLDEST",
                        "REPORTED", "registered", "a".repeat(5_000), "井".repeat(3_000), " ", ""),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8));
    }

    /** A JSON value of the wrong type or at an edge, as JSON text. */
    private static Arbitrary<String> oddJsonValue() {
        return Arbitraries.oneOf(
                nasty().map(BadInputFuzzIntegrationTest::json),
                Arbitraries.of("null", "true", "false", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[]}}", "-0", "1e308",
                        "-1e308", "123456789012345678901234567890", "0.0000000000000000000001", "[\"C0101\"]",
                        "{\"$gt\":\"\"}"),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.longs().map(l -> Long.toString(l)));
    }

    /** Cursors that decode, but to values a search cannot page on. */
    private static List<String> forgedCursors() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return List.of("[\"x\",\"y\"]", "[1]", "[null,null]", "[{}, []]", "[1e400, \"\"]", "[\"2026-01-01\", 1, 2, 3]",
                        "{\"a\":1}", "[true,false]", "[" + "1,".repeat(100) + "1]")
                .stream().map(s -> b64.encodeToString(s.getBytes(StandardCharsets.UTF_8))).toList();
    }

    // ---- requests and expectations

    private void expect4xx(Exchange exchange) {
        if (exchange.status() < 400 || exchange.status() >= 500 || !exchange.problem()) {
            failures.add(exchange.toString());
        }
    }

    private void expectNo5xx(Exchange exchange) {
        if (exchange.status() >= 500 || exchange.status() >= 400 && !exchange.problem() && !exchange.open311Error()) {
            failures.add(exchange.toString());
        }
    }

    /** Open311 clients parse the specification's errors, not problem details: a list of code and description. */
    private void expectOpen311Error(Exchange exchange) {
        if (exchange.status() < 400 || exchange.status() >= 500 || !exchange.open311Error()) {
            failures.add(exchange.toString());
        }
    }

    private record Exchange(String request, int status, boolean problem, String body) {

        boolean open311Error() {
            return request.contains("/open311/") && (body.startsWith("[{\"code\":") || body.contains("<errors>"));
        }

        @Override
        public String toString() {
            return status + " " + (problem ? "" : "(not a problem detail) ") + request + " -> "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private Exchange post(String path, String caller, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path, caller).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private Exchange get(String pathAndQuery, String caller) {
        return send(request(pathAndQuery, caller).GET());
    }

    private HttpRequest.Builder request(String path, String caller) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60));
        if (caller != null) {
            builder.header("Authorization", "Bearer " + api.token(caller));
        }
        return builder;
    }

    private Exchange send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String described = request.method() + " " + abbreviate(request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()))
                + request.headers().map().entrySet().stream().filter(h -> !h.getKey().equals("Authorization"))
                .map(h -> " " + h.getKey() + ": " + abbreviate(h.getValue().toString())).collect(Collectors.joining());
        requests++;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean problem = response.headers().firstValue("Content-Type")
                    .map(type -> type.startsWith("application/problem+json")).orElse(false);
            return new Exchange(described, response.statusCode(), problem, response.body());
        } catch (java.io.IOException e) {
            return new Exchange(described, 599, false, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long eventsMentioning(String text) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') like ?",
                Long.class, "%" + text + "%");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Events name who acted by their domain id (decision 0046): R025…, W027 and S003 (longquanyi). */
    private long eventsOfFuzzers() {
        List<String> ids = new ArrayList<>(RIDERS.stream().map(r -> r.toUpperCase(java.util.Locale.ROOT)).toList());
        ids.add(WORKER.toUpperCase(java.util.Locale.ROOT));
        ids.add(SUPERVISOR_ID);
        String anyOfThem = ids.stream().map(n -> "convert_from(meta_data, 'UTF8') like '%\"userId\":\"" + n + "\"%'")
                .collect(Collectors.joining(" or "));
        return jdbc.queryForObject("select count(*) from domain_event_entry where " + anyOfThem, Long.class);
    }

    private int next;

    private String rider() {
        return RIDERS.get(next++ % RIDERS.size());
    }

    // ---- building bodies by hand, so that they can be exactly as odd as wanted

    private static String validReport() {
        return object(Map.of("categoryCode", json("C0101"), "lat", Double.toString(DemoCity.LIANGFENG_12[0]),
                "lon", Double.toString(DemoCity.LIANGFENG_12[1]), "description", json("井盖缺失")));
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> json(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A JSON string; controls and surrogates escaped, so that a lone surrogate reaches the server as one. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] part(String name, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytesOf("Content-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + contentType
                + "\r\n\r\n"));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] multipart(String boundary, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(bytesOf("--" + boundary + "\r\n"));
            out.writeBytes(part);
            out.writeBytes(bytesOf("\r\n"));
        }
        out.writeBytes(bytesOf("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    private byte[] bytes(String text) {
        return bytesOf(text);
    }

    private static byte[] bytesOf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What an HTTP client can put in a header at all: visible ASCII and spaces. */
    private static String headerSafe(String value) {
        return value.chars().filter(c -> c >= 0x20 && c < 0x7f).limit(300)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }
}
