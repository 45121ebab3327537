package city.gridwhistle.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.PageSession;
import city.gridwhistle.web.demo.DemoAccounts;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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
    private static final String ADMIN_ID = "A001";
    private static final int SAMPLES = 25;

    @Autowired
    private TestRestTemplate server;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<String> failures = java.util.Collections.synchronizedSet(new TreeSet<>());
    private Api api;
    private String root;
    private long eventsBefore;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void setUp() {
        api = new Api(server);
        root = server.getRootUri();
        eventsBefore = eventsOfFuzzers();
    }

    @AfterEach
    void nothingWasRecorded() {
        assertThat(failures).as("requests answered with something other than a 4xx problem (%d sent)", requests.get())
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

    // ---- every endpoint the application declares, found in Spring MVC's own table of handlers

    /**
     * Endpoints that take no input at all and change something when called: there is nothing to send them wrong,
     * so they are called only by someone not allowed to. A new endpoint of this kind must be added here, with thought.
     */
    private static final Set<String> NO_INPUT_WRITES = Set.of("POST /api/admin/audit/checkpoints");
    /** Tables that change whatever a request holds: sign-ins, rate counts, processors' positions, schedules. */
    private static final Set<String> BOOKKEEPING = Set.of("access_token", "rate_limit_window", "token_entry",
            "scheduled_tasks", "cluster_node", "idempotency_key", "flyway_schema_history");

    /**
     * Every handler method in {@link RequestMappingHandlerMapping} — API, Open311, administrators' bodies and the
     * signed-in pages — gets each of its inputs wrong in turn, read from the method's own parameters: path
     * variables and query parameters with text where a number belongs, numbers past int, negative and NaN, bad
     * percent-encoded UTF-8, NUL, very long and many-worded text; JSON bodies malformed, with every field (nested
     * ones too) of the wrong type, of broken text or too long, and of the wrong content type; headers and multipart
     * parts likewise. No answer may be a 5xx, no change may be accepted (no 2xx to anything but a read), errors come
     * as problem details (Open311's own format under /open311) and no table outside bookkeeping changes.
     */
    @Test
    void everyEndpointRefusesWrongTypesSizesAndEncodingsInEachOfItsInputs() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("handlers found").hasSizeGreaterThan(50)
                .extracting(Endpoint::name).contains("POST /open311/v2/requests.{format}",
                        "PUT /api/admin/categories/{code}", "GET /api/cases", "GET /supervisor/cases/results");
        String partnerKey = api.partnerKey("open311 sweep client");
        List<Caller> apiCallers = List.of(Caller.bearer("admin", api.token("admin")),
                Caller.bearer(SUPERVISOR, api.token(SUPERVISOR)), Caller.bearer(WORKER, api.token(WORKER)),
                Caller.bearer(RIDERS.getFirst(), api.token(RIDERS.getFirst())), Caller.anonymous());
        List<Caller> pageCallers = new ArrayList<>();
        for (String user : List.of("admin", SUPERVISOR, WORKER, RIDERS.getFirst())) {
            pageCallers.add(Caller.session(user, PageSession.signIn(root, user, DemoAccounts.PASSWORD)));
        }
        pageCallers.add(Caller.anonymous());
        Map<String, String> tablesBefore = tableDigests();
        long eventBefore = lastEvent();

        Set<String> noInputWrites = new TreeSet<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            List<Attempt> attempts = attempts(endpoint, partnerKey);
            if (attempts.isEmpty()) {
                if (!endpoint.method().equals("GET")) {
                    noInputWrites.add(endpoint.name());
                    Attempt anonymous = Attempt.plain(endpoint.path(Map.of()), endpoint.method());
                    expectNo2xxNo5xx(endpoint, send(Caller.anonymous(), anonymous.request(this, Caller.anonymous())),
                            anonymous);
                }
                continue;
            }
            List<Caller> callers = endpoint.pattern().startsWith("/api/") || endpoint.pattern().startsWith("/open311/")
                    ? apiCallers : pageCallers;
            sent.add(pool.submit(() -> sweep(endpoint, attempts, callers)));
        }
        for (var each : sent) {
            each.get();
        }
        pool.shutdown();

        assertThat(noInputWrites).as("endpoints that take no input but change something").isEqualTo(NO_INPUT_WRITES);
        assertThat(tableDigests()).as("tables after the sweep").isEqualTo(tablesBefore);
        assertThat(eventsSince(eventBefore)).as("events recorded by the sweep's callers").isZero();
    }

    /** Sends every attempt as the first caller the endpoint lets through (the last, anonymous, if none does). */
    private void sweep(Endpoint endpoint, List<Attempt> attempts, List<Caller> callers) {
        Caller caller = callers.getLast();
        for (Caller candidate : callers) {
            Exchange probe = send(candidate, attempts.getFirst().request(this, candidate));
            expectNo2xxNo5xx(endpoint, probe, attempts.getFirst());
            if (probe.status() != 401 && probe.status() != 403 && probe.status() != 302) {
                caller = candidate;
                break;
            }
        }
        for (Attempt attempt : attempts.subList(1, attempts.size())) {
            expectNo2xxNo5xx(endpoint, send(caller, attempt.request(this, caller)), attempt);
        }
    }

    private void expectNo2xxNo5xx(Endpoint endpoint, Exchange exchange, Attempt attempt) {
        boolean read = endpoint.method().equals("GET");
        boolean api = endpoint.pattern().startsWith("/api/");
        boolean open311 = endpoint.pattern().startsWith("/open311/");
        if (exchange.status() >= 500
                || !read && exchange.status() < 300
                || exchange.status() >= 400 && api && !exchange.problem() && exchange.status() != 406
                || exchange.status() >= 400 && open311 && !exchange.open311Error()) {
            failures.add(endpoint.name() + ": " + exchange + (attempt.body() == null ? ""
                    : " (body " + abbreviate(new String(attempt.body(), StandardCharsets.UTF_8)) + ")"));
        }
    }

    private record Endpoint(String method, String pattern, HandlerMethod handler, List<String> consumes) {

        String name() {
            return method + " " + pattern;
        }

        /** The pattern with its variables filled in: the given raw values, else a harmless word. */
        String path(Map<String, String> values) {
            Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                variable.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(name,
                        name.equals("format") ? "json" : "x")));
            }
            return variable.appendTail(path).toString();
        }

        List<String> variables() {
            return Pattern.compile("\\{(\\w+)}").matcher(pattern).results().map(m -> m.group(1)).toList();
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("city.gridwhistle")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(Object::toString).toList();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(new Endpoint(method.name(), pattern, handler, consumes));
                }
            }
        });
        all.sort(java.util.Comparator.comparing(Endpoint::name).thenComparing(e -> e.consumes().toString()));
        return all;
    }

    /** One request with one input wrong, to be sent as a caller. */
    private record Attempt(String method, String pathAndQuery, Map<String, String> headers, String contentType,
                           byte[] body) {

        static Attempt plain(String pathAndQuery, String method) {
            return new Attempt(method, pathAndQuery, Map.of(), null, null);
        }

        HttpRequest.Builder request(BadInputFuzzIntegrationTest test, Caller caller) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(test.root + pathAndQuery))
                    .timeout(Duration.ofSeconds(60));
            if (caller.token() != null && !headers.containsKey("Authorization")) {
                builder.header("Authorization", "Bearer " + caller.token());
            }
            headers.forEach(builder::header);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            return builder;
        }
    }

    private record Caller(String name, String token, HttpClient client) {

        static Caller bearer(String name, String token) {
            return new Caller(name, token, null);
        }

        static Caller session(String name, HttpClient session) {
            return new Caller(name, null, session);
        }

        static Caller anonymous() {
            return new Caller("anonymous", null, null);
        }
    }

    /** Every request that gets one input of the endpoint wrong; none when the endpoint takes no input. */
    private List<Attempt> attempts(Endpoint endpoint, String partnerKey) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, Class<?>> queryParameters = new LinkedHashMap<>();
        Map<String, String> required = new LinkedHashMap<>();
        Class<?> body = null;
        Map<String, Class<?>> parts = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        boolean form = false;
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            parameter.initParameterNameDiscovery(names);
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
            if (param != null && Map.class.isAssignableFrom(type)) {
                form = true;
            } else if (param != null) {
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                queryParameters.put(name, type);
                if (param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
                    required.put(name, harmless(type));
                }
            } else if (header != null) {
                headers.add(header.name().isEmpty() ? header.value().isEmpty() ? parameter.getParameterName()
                        : header.value() : header.name());
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = type;
            } else if (part != null) {
                parts.put(part.name().isEmpty() ? part.value().isEmpty() ? parameter.getParameterName()
                        : part.value() : part.name(), type);
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
                for (RecordComponent field : type.getRecordComponents()) {
                    queryParameters.put(field.getName(), field.getType());
                }
            }
        }
        String method = endpoint.method();
        String requiredQuery = required.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        byte[] harmlessBody = body == null ? null : bytes(harmlessJson(body));
        String bodyType = body == null ? null : endpoint.consumes().isEmpty() ? "application/json"
                : endpoint.consumes().getFirst();
        // each path variable wrong
        for (String variable : endpoint.variables()) {
            for (String value : wrongValues(String.class, true)) {
                attempts.add(new Attempt(method, endpoint.path(Map.of(variable, value)) + query(requiredQuery),
                        Map.of(), bodyType, harmlessBody));
            }
        }
        // each query parameter wrong, the required others harmless
        for (var parameter : queryParameters.entrySet()) {
            for (String value : wrongValues(parameter.getValue(), false)) {
                Map<String, String> query = new LinkedHashMap<>(required);
                query.put(parameter.getKey(), value);
                attempts.add(new Attempt(method, endpoint.path(Map.of()) + query(query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"))),
                        Map.of(), bodyType, harmlessBody));
            }
        }
        for (String header : headers) {
            for (String value : List.of("\"99999999999999999999\"", "Bearer " + "x".repeat(2_000),
                    Arbitraries.of("x", "\"\"", "W/\"-1\"", "\"-1\"", "*", "Bearer", "\"1\", \"2\"", "%00").sample())) {
                attempts.add(new Attempt(method, endpoint.path(Map.of()) + query(requiredQuery),
                        Map.of(header, value), bodyType, harmlessBody));
            }
        }
        if (body != null) {
            String path = endpoint.path(Map.of()) + query(requiredQuery);
            for (byte[] wrong : wrongBodies(body)) {
                attempts.add(new Attempt(method, path, Map.of(), bodyType, wrong));
            }
            for (String type : List.of("application/json; charset=UTF-16", Arbitraries.of("text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json; charset=nonsense").sample())) {
                attempts.add(new Attempt(method, path, Map.of(), type, harmlessBody));
            }
        }
        for (var part : parts.entrySet()) {
            String boundary = "sweep" + part.getKey();
            String path = endpoint.path(Map.of()) + query(requiredQuery);
            List<byte[]> contents = MultipartFile.class.isAssignableFrom(part.getValue())
                    ? List.of(new byte[0], bytes("not an image"), new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                    : wrongBodies(part.getValue()).stream().limit(12).toList();
            for (byte[] content : contents) {
                attempts.add(new Attempt(method, path, Map.of(), "multipart/form-data; boundary=" + boundary,
                        multipart(boundary, part(part.getKey(), MultipartFile.class.isAssignableFrom(part.getValue())
                                ? "p.png" : null, MultipartFile.class.isAssignableFrom(part.getValue())
                                ? "image/png" : "application/json", content))));
            }
        }
        if (form) {
            String path = endpoint.path(Map.of());
            String key = "api_key=" + encode(partnerKey);
            for (String wrong : List.of("", "=", "&&&", "lat=%zz", key + "&lat=%", "%E4%B8", key + "&lat=abc&long=1",
                    key + "&lat=1e309&long=NaN&service_code=E0501&description=x", key + "&lat=91.5&long=104.1"
                            + "&service_code=%00&description=%ED%A0%80", key + "&lat=91.5&long=104.1&service_code="
                            + "E0501&description=" + "x".repeat(20_000), key + "&service_code=E0501&lat=30.6&long="
                            + "104.1&description=%C3%28", key + "&service_code=E0501&lat=30.6&long=104.1"
                            + "&description=x&email=%00")) {
                attempts.add(new Attempt(method, path, Map.of(), "application/x-www-form-urlencoded", bytes(wrong)));
            }
            attempts.add(new Attempt(method, path, Map.of(), "application/json", bytes("{\"api_key\":\"x\"}")));
        }
        if (attempts.isEmpty() && method.equals("GET")
                && !endpoint.handler().getReturnType().getParameterType().getSimpleName().equals("SseEmitter")) {
            // nothing to get wrong: odd parameters nobody asked for change nothing
            attempts.add(Attempt.plain(endpoint.path(Map.of()) + "?page=-1&size=%ED%A0%80&q=%00", method));
        }
        return attempts;
    }

    private static String query(String query) {
        return query.isEmpty() ? "" : "?" + query;
    }

    private static String query(Map<String, String> query) {
        return query(query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
    }

    /** Raw (already percent-encoded) values of the wrong type, size or encoding for a parameter of this type. */
    private static List<String> wrongValues(Class<?> type, boolean inPath) {
        if (inPath) {
            return List.of("%00", "%ED%A0%80", encode("a".repeat(200)), Arbitraries.of("-1", "2147483648",
                    encode("' OR '1'='1"), "..%2F..", "%25", encode("井".repeat(129)), encode(nasty().sample())).sample());
        }
        if (type == boolean.class || type == Boolean.class) {
            return List.of("maybe", Arbitraries.of("2", "%00", "").sample());
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return List.of("abc", "2147483648", "-1", Arbitraries.of("1e309", "NaN", "1.5", "", "-2147483649",
                    "%ED%A0%80").sample());
        }
        return List.of("%00", "%ED%A0%80", encode("a ".repeat(2_000)), Arbitraries.of("2147483648", "-1", "",
                "2026-13-45", "30.6%2C104.1%2C-5", "91%2C181", "1e309", "abc", encode("a".repeat(5_000)),
                encode(nasty().sample())).sample());
    }

    /** JSON bodies for a body of this type: malformed, and each field in turn of the wrong type or broken. */
    private static List<byte[]> wrongBodies(Class<?> type) {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(bytesOf(Arbitraries.of("", "{", "[]", "null", "\"x\"", "{\"a\":1}{}", "{\"x\":", "[".repeat(5_000))
                .sample()));
        bodies.add(new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'});
        // {} in UTF-16: JSON is UTF-8 only
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        if (type.isRecord()) {
            for (String wrong : wrongObjects(type)) {
                bodies.add(bytesOf(wrong));
            }
        } else {
            for (String wrong : List.of("{\"type\":1}", "{\"type\":\"FeatureCollection\",\"features\":\"x\"}",
                    "{\"type\":\"FeatureCollection\",\"features\":[{\"geometry\":\"x\",\"properties\":[]}]}",
                    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                            + "{\"code\":1e309},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"a\"]]]}}]}")) {
                bodies.add(bytesOf(wrong));
            }
        }
        return bodies;
    }

    /** The record as a harmless JSON object with one field at a time wrong, nested records' fields too. */
    private static List<String> wrongObjects(Class<?> record) {
        List<String> objects = new ArrayList<>();
        RecordComponent[] fields = record.getRecordComponents();
        for (RecordComponent field : fields) {
            List<String> wrongs = new ArrayList<>(wrongJson(field.getType()));
            if (field.getType().isRecord()) {
                wrongs.addAll(wrongObjects(field.getType()));
            }
            for (String wrong : wrongs) {
                objects.add(Arrays.stream(fields).map(f -> json(f.getName()) + ":"
                        + (f == field ? wrong : harmlessJson(f.getType()))).collect(Collectors.joining(",", "{", "}")));
            }
        }
        return objects;
    }

    private static List<String> wrongJson(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return List.of("12345", "\"\\u0000\"", json("x".repeat(20_000)), Arbitraries.of("true", "{}", "[\"x\"]",
                    "\"a\\ud800b\"", "\"\\u001b[31m\"", "\"\\uffff\"", "\"" + "井 ".repeat(5_000) + "\"").sample());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return List.of("\"1\"", "1.5", Arbitraries.of("true", "9223372036854775808", "1e400", "-1", "null",
                    "[1]").sample());
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return List.of("\"30.6\"", Arbitraries.of("true", "\"NaN\"", "1e999", "-1e999", "null", "[30.6]")
                    .sample());
        }
        if (type == boolean.class || type == Boolean.class) {
            return List.of("\"true\"", Arbitraries.of("1", "0", "null", "[]").sample());
        }
        if (type.isEnum()) {
            return List.of("\"NO_SUCH\"", Arbitraries.of("0", "\"\"", "[]", json(type.getEnumConstants()[0]
                    .toString().toLowerCase(java.util.Locale.ROOT))).sample());
        }
        if (java.time.temporal.TemporalAccessor.class.isAssignableFrom(type)) {
            return List.of("1764374400", Arbitraries.of("\"2026-13-45\"", "\"2026-02-30T25:61:00Z\"", "\"\"", "true",
                    "[2026,1,1]", "\"+999999999-12-31T23:59:59Z\"").sample());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return List.of("\"x\"", "[\"\\u0000\"]", Arbitraries.of("{}", "[{}]", "[1,true]",
                    "[" + "\"x\",".repeat(10_000) + "\"x\"]").sample());
        }
        return List.of("\"x\"", Arbitraries.of("12", "[]", "true").sample());
    }

    /** A JSON value of this type that is harmless: wrong elsewhere, nothing is accepted because of it. */
    private static String harmlessJson(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "\"x\"";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "1";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "30.6";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type.isEnum()) {
            return json(type.getEnumConstants()[0].toString());
        }
        if (java.time.temporal.TemporalAccessor.class.isAssignableFrom(type)) {
            return "\"2026-11-29T08:00:00Z\"";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "[]";
        }
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(f -> json(f.getName()) + ":"
                    + harmlessJson(f.getType())).collect(Collectors.joining(",", "{", "}"));
        }
        return "{}";
    }

    private static String harmless(Class<?> type) {
        if (type == double.class || type == Double.class) {
            return "30.6";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        return type.isPrimitive() || Number.class.isAssignableFrom(type) ? "1" : "x";
    }

    /**
     * A digest of every table's rows but bookkeeping's and the event store's (whose callers are checked), each row
     * without its {@code last_used_at}.
     */
    private Map<String, String> tableDigests() {
        Map<String, String> digests = new java.util.TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema ="
                + " 'public' and table_type = 'BASE TABLE'", String.class)) {
            if (BOOKKEEPING.contains(table) || table.equals("domain_event_entry")) {
                continue;
            }
            // when a key or a device was last used is bookkeeping too: a refused call may still have presented one
            String row = "md5((to_jsonb(t) - 'last_used_at')::text)";
            digests.put(table, jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(" + row
                    + ", '' order by " + row + ")), '') from " + table + " t", String.class));
        }
        return digests;
    }

    private long lastEvent() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /** Events after the given position recorded in the name of any of this suite's callers (admin included). */
    private long eventsSince(long position) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? and ("
                + fuzzersIn("meta_data") + ")", Long.class, position);
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

    /**
     * @param lineTooLong whether the request line is longer than the server reads (Tomcat's 8 KB for the request
     *                    line and headers): it is refused before its path is known, so not in Open311's format
     */
    private record Exchange(String request, int status, boolean problem, String body, boolean lineTooLong) {

        Exchange(String request, int status, boolean problem, String body) {
            this(request, status, problem, body, false);
        }

        boolean open311Error() {
            return request.contains("/open311/") && (body.startsWith("[{\"code\":") || body.contains("<errors>")
                    || lineTooLong && status == 400 && problem);
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
        return send(Caller.anonymous(), builder);
    }

    /** Sends on the caller's own client (a page session keeps its cookie there), else on the shared one. */
    private Exchange send(Caller caller, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String described = request.method() + " " + abbreviate(request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()))
                + request.headers().map().entrySet().stream().filter(h -> !h.getKey().equals("Authorization"))
                .map(h -> " " + h.getKey() + ": " + abbreviate(h.getValue().toString())).collect(Collectors.joining());
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = (caller.client() == null ? client : caller.client()).send(request,
                    HttpResponse.BodyHandlers.ofString());
            boolean problem = response.headers().firstValue("Content-Type")
                    .map(type -> type.startsWith("application/problem+json")).orElse(false);
            boolean lineTooLong = request.uri().getRawPath().length()
                    + (request.uri().getRawQuery() == null ? 0 : request.uri().getRawQuery().length()) > 8_000;
            return new Exchange(described, response.statusCode(), problem, response.body(), lineTooLong);
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

    /** Events name who acted by their domain id (decision 0046): R025…, W027, S003 (longquanyi) and A001 (admin). */
    private long eventsOfFuzzers() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where " + fuzzersIn("meta_data"),
                Long.class);
    }

    private static String fuzzersIn(String column) {
        List<String> ids = new ArrayList<>(RIDERS.stream().map(r -> r.toUpperCase(java.util.Locale.ROOT)).toList());
        ids.add(WORKER.toUpperCase(java.util.Locale.ROOT));
        ids.add(SUPERVISOR_ID);
        ids.add(ADMIN_ID);
        return ids.stream().map(n -> "convert_from(" + column + ", 'UTF8') like '%\"userId\":\"" + n + "\"%'")
                .collect(Collectors.joining(" or "));
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
