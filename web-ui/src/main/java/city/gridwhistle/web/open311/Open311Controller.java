package city.gridwhistle.web.open311;

import city.gridwhistle.api.casework.CaseFilters;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.FindPublicCasesQuery;
import city.gridwhistle.api.casework.PublicCase;
import city.gridwhistle.api.casework.PublicCases;
import city.gridwhistle.api.grid.LocateAddressQuery;
import city.gridwhistle.api.grid.LocatedAddress;
import city.gridwhistle.api.intake.FileReportCommand;
import city.gridwhistle.api.intake.ReportReceipt;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.limits.LimitProperties;
import city.gridwhistle.web.limits.RateLimits;
import city.gridwhistle.web.security.ApiKeys;
import city.gridwhistle.web.security.GridUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2. Reading is public, as the specification has it, and shows only what the public may see of
 * a case: never who reported it or who works on it. Filing needs a partner API key (form field {@code api_key} or
 * header {@code X-Api-Key}) and opens an ordinary case, routed, deduplicated and deadlined like any other.
 */
@RestController
@RequestMapping(Open311Controller.BASE)
class Open311Controller {

    static final String BASE = "/open311/v2";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final String CHANNEL = "OPEN311";
    /** The specification's default window: the last 90 days. */
    static final Duration WINDOW = Duration.ofDays(90);
    /** What a request's id may look like (a case id); anything else names no request. */
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** How deep pages by number reach, as the case search's. */
    static final int MAX_PAGED_RESULTS = 10_000;
    private static final String CHANGESET = "2026-11-29T00:00:00+08:00";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApiKeys apiKeys;
    private final Open311Services services;
    private final Open311Properties settings;
    private final RateLimits.Limit perAddress;
    private final RateLimits.Limit filingsPerKey;

    Open311Controller(CommandGateway commands, QueryGateway queries, ApiKeys apiKeys, Open311Services services,
                      Open311Properties settings, RateLimits rateLimits, LimitProperties limits) {
        this.commands = commands;
        this.queries = queries;
        this.apiKeys = apiKeys;
        this.services = services;
        this.settings = settings;
        this.perAddress = rateLimits.limit("open311-address", settings.requestsPerMinute(), Duration.ofMinutes(1),
                "requests");
        this.filingsPerKey = rateLimits.limit("open311-filing", limits.filingsPerWindow(), limits.filingWindow(),
                "filings");
    }

    /** Every Open311 call counts against its address's limit; over it, 429 with Retry-After. */
    @ModelAttribute
    void limitPerAddress(HttpServletRequest request) {
        perAddress.acquire(request.getRemoteAddr());
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        Open311Format as = Open311Format.of(format);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", baseUrl(request));
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", settings.contact());
        discovery.put("key_service", "API keys are issued by the city's administrators (POST /api/admin/api-keys)");
        discovery.put("endpoints", List.of(endpoint));
        return as.respond(HttpStatus.OK, "discovery", discovery);
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format as = Open311Format.of(format);
        checkJurisdiction(jurisdiction);
        List<Object> list = services.all().stream().map(Open311Controller::service).map(Object.class::cast).toList();
        return as.respond(HttpStatus.OK, "services", list);
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format as = Open311Format.of(format);
        checkJurisdiction(jurisdiction);
        Open311Service service = services.find(code)
                .orElseThrow(() -> Open311Exception.notFound("no service with service_code " + code));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", service.code());
        definition.put("attributes", List.of());
        return as.respond(HttpStatus.OK, "service_definition", definition);
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> file(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
                                HttpServletRequest request) {
        Open311Format as = Open311Format.of(format);
        GridUser partner = partner(form.getFirst("api_key"), request.getHeader("X-Api-Key"));
        filingsPerKey.acquire(partner.subjectId());
        checkJurisdiction(form.getFirst("jurisdiction_id"));
        String code = trimmed(form.getFirst("service_code"));
        if (code == null) {
            throw Open311Exception.badRequest("service_code is required");
        }
        Open311Service service = services.find(code)
                .orElseThrow(() -> Open311Exception.badRequest("service_code " + code + " is not a service"));
        String address = trimmed(form.getFirst("address_string"));
        GeoPoint location = location(form.getFirst("lat"), form.getFirst("long"), address);
        if (location == null) {
            location = queries.query(new LocateAddressQuery(address),
                            ResponseTypes.optionalInstanceOf(LocatedAddress.class)).join()
                    .map(LocatedAddress::point)
                    .orElseThrow(() -> Open311Exception.badRequest(
                            "address_string could not be located; give lat and long"));
        }
        String description = trimmed(form.getFirst("description"));
        String mediaUrl = trimmed(form.getFirst("media_url"));
        String text = description == null ? service.name() : description;
        if (mediaUrl != null) {
            text = text + "\n" + mediaUrl;
        }
        if (text.length() > FileReportCommand.MAX_DESCRIPTION_LENGTH) {
            throw Open311Exception.badRequest("description may have at most "
                    + FileReportCommand.MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (address != null && address.length() > 500) {
            throw Open311Exception.badRequest("address_string may have at most 500 characters");
        }
        // The partner acts through this channel: the audit trail records the key and that it came by Open311.
        GridUser caller = new GridUser(partner.username(), partner.role(), partner.subjectId(), partner.unit(),
                CHANNEL);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.authorities()));
        ReportReceipt receipt;
        try {
            receipt = commands.sendAndWait(new FileReportCommand(UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), caller.subjectId(), service.code(), location, address, text,
                    List.of(), null));
        } catch (CommandExecutionException e) {
            throw rejected(e.getCause() == null ? e : e.getCause());
        } catch (CommandRejectedException e) {
            throw rejected(e);
        }
        Map<String, Object> filed = new LinkedHashMap<>();
        filed.put("service_request_id", receipt.caseId());
        filed.put("service_notice", receipt.attached()
                ? "joined an open request for the same problem nearby"
                : "received; the grid of " + receipt.cellName() + " handles it");
        filed.put("account_id", trimmed(form.getFirst("account_id")));
        return as.respond(HttpStatus.OK, "service_requests", List.of(filed));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format as = Open311Format.of(format);
        checkJurisdiction(jurisdiction);
        PublicCase found = (REQUEST_ID.matcher(id).matches() ? publicCases(List.of(id), null, 0, 1)
                : List.<PublicCase>of()).stream().findFirst()
                .orElseThrow(() -> Open311Exception.notFound("no such service request"));
        return as.respond(HttpStatus.OK, "service_requests", List.of(serviceRequest(found, true)));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String code,
                                    @RequestParam(name = "start_date", required = false) String start,
                                    @RequestParam(name = "end_date", required = false) String end,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(name = "page_size", required = false) String pageSize,
                                    @RequestParam(required = false) String extensions) {
        Open311Format as = Open311Format.of(format);
        checkJurisdiction(jurisdiction);
        boolean notes = "true".equalsIgnoreCase(trimmed(extensions));
        if (ids != null && !ids.isBlank()) {
            // by id, every other filter is ignored (as the specification says)
            // an id no case could have names no request: it is left out, as an unknown one is
            List<String> wanted = new LinkedHashSet<>(List.of(ids.split(","))).stream().map(String::trim)
                    .filter(id -> REQUEST_ID.matcher(id).matches()).toList();
            if (wanted.size() > FindPublicCasesQuery.MAX_PAGE_SIZE) {
                throw Open311Exception.badRequest("service_request_id names at most "
                        + FindPublicCasesQuery.MAX_PAGE_SIZE + " requests");
            }
            List<Object> found = wanted.isEmpty() ? List.of() : publicCases(wanted, null, 0, wanted.size()).stream()
                    .map(one -> (Object) serviceRequest(one, notes)).toList();
            return as.respond(HttpStatus.OK, "service_requests", found);
        }
        String serviceCode = trimmed(code);
        if (serviceCode != null && services.find(serviceCode).isEmpty()) {
            throw Open311Exception.badRequest("service_code " + serviceCode + " is not a service; see services");
        }
        Instant to = date("end_date", end);
        Instant from = date("start_date", start);
        if (to == null) {
            to = from == null ? Instant.now() : from.plus(WINDOW);
        }
        if (from == null) {
            from = to.minus(WINDOW);
        }
        if (!from.isBefore(to)) {
            throw Open311Exception.badRequest("start_date must be before end_date");
        }
        if (Duration.between(from, to).compareTo(WINDOW) > 0) {
            throw Open311Exception.badRequest("start_date to end_date spans at most 90 days");
        }
        int size = number("page_size", pageSize, FindPublicCasesQuery.MAX_PAGE_SIZE, FindPublicCasesQuery.MAX_PAGE_SIZE);
        int pageNumber = number("page", page, 1, Integer.MAX_VALUE);
        if ((long) pageNumber * size > MAX_PAGED_RESULTS) {
            throw Open311Exception.badRequest("page and page_size reach at most the first " + MAX_PAGED_RESULTS
                    + " requests");
        }
        CaseFilters filters = new CaseFilters(statuses(status), null, null, serviceCode, null, null, null, null, null,
                null, from, to, null, null);
        List<Object> found = publicCases(List.of(), filters, pageNumber - 1, size).stream()
                .map(one -> (Object) serviceRequest(one, notes)).toList();
        return as.respond(HttpStatus.OK, "service_requests", found);
    }

    private List<PublicCase> publicCases(List<String> ids, CaseFilters filters, int page, int size) {
        return queries.query(new FindPublicCasesQuery(ids, filters, page, size), PublicCases.class).join().cases();
    }

    /**
     * A request as the public record shows it (docs/security.md): what kind of hazard, roughly where (the point to
     * about 100 m, the community for an address), how far along and by when; never the reporter's words, photos,
     * who works on it, or any reason or note. With {@code notes}, one note per step of the loop it reached.
     */
    private Map<String, Object> serviceRequest(PublicCase found, boolean notes) {
        Optional<Open311Service> service = services.find(found.categoryCode());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", found.caseId());
        request.put("status", found.status().isOpen() ? "open" : "closed");
        request.put("status_notes", Open311StatusNotes.of(found.status()));
        // from the service itself: a case read the moment it was filed may not show its category's name yet
        request.put("service_name", service.map(Open311Service::name).orElse(found.categoryZh()));
        request.put("service_code", found.categoryCode());
        request.put("description", null);
        request.put("agency_responsible", service.map(Open311Service::agencyResponsible).orElse(null));
        request.put("service_notice", null);
        request.put("requested_datetime", Open311Times.format(found.reportedAt()));
        request.put("updated_datetime", Open311Times.format(found.updatedAt()));
        request.put("expected_datetime", Open311Times.format(found.dueAt()));
        request.put("address", found.place());
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("lat", found.approximateLocation() == null ? null : found.approximateLocation().lat());
        request.put("long", found.approximateLocation() == null ? null : found.approximateLocation().lon());
        request.put("media_url", null);
        if (notes) {
            List<Object> history = new ArrayList<>();
            for (PublicCase.Milestone milestone : found.milestones()) {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("datetime", Open311Times.format(milestone.at()));
                note.put("description", Open311StatusNotes.of(milestone.status()));
                history.add(note);
            }
            request.put("notes", history);
        }
        return request;
    }

    private static Map<String, Object> service(Open311Service service) {
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("service_code", service.code());
        listed.put("service_name", service.name());
        listed.put("description", service.description());
        listed.put("metadata", false);
        listed.put("type", "realtime");
        listed.put("keywords", String.join(",", service.keywords()));
        listed.put("group", service.group());
        return listed;
    }

    private GridUser partner(String formKey, String headerKey) {
        String key = trimmed(formKey) != null ? formKey.trim() : trimmed(headerKey);
        if (key == null) {
            throw Open311Exception.forbidden("an api_key is required to submit a service request");
        }
        GridUser user = apiKeys.authenticate(key)
                .orElseThrow(() -> Open311Exception.forbidden("the api_key is unknown or revoked"));
        if (user.role() != Role.PARTNER) {
            throw Open311Exception.forbidden("the api_key is not a partner's");
        }
        return user;
    }

    private void checkJurisdiction(String jurisdiction) {
        String given = trimmed(jurisdiction);
        if (given != null && !given.equals(settings.jurisdictionId())) {
            throw Open311Exception.badRequest("jurisdiction_id " + given + " is not served here; this endpoint serves "
                    + settings.jurisdictionId());
        }
    }

    /** The point given as lat and long; null when neither is given but an address is, to be looked up. */
    private static GeoPoint location(String lat, String lon, String address) {
        String latitude = trimmed(lat);
        String longitude = trimmed(lon);
        if (latitude == null && longitude == null) {
            if (address == null) {
                throw Open311Exception.badRequest("a location is required: lat and long, or address_string");
            }
            return null;
        }
        if (latitude == null || longitude == null) {
            throw Open311Exception.badRequest("lat and long go together");
        }
        try {
            return new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude));
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest("lat and long are decimal degrees (WGS84)");
        } catch (IllegalArgumentException e) {
            throw Open311Exception.badRequest(e.getMessage());
        }
    }

    private static Set<CaseStatus> statuses(String status) {
        String given = trimmed(status);
        if (given == null) {
            return Set.of();
        }
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String one : given.split(",")) {
            switch (one.trim()) {
                case "open" -> statuses.addAll(CaseStatus.OPEN);
                case "closed" -> statuses.addAll(CaseStatus.FINAL);
                default -> throw Open311Exception.badRequest("status is open or closed, not '" + one.trim() + "'");
            }
        }
        return statuses.size() == CaseStatus.values().length ? Set.of() : statuses;
    }

    private static Instant date(String parameter, String text) {
        String given = trimmed(text);
        if (given == null) {
            return null;
        }
        try {
            // a '+' of the offset that the client left unencoded arrives as a space
            return OffsetDateTime.parse(given.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(parameter + " must be an ISO 8601 date and time with its zone,"
                    + " e.g. 2026-11-29T08:00:00+08:00");
        }
    }

    private static int number(String parameter, String text, int fallback, int max) {
        String given = trimmed(text);
        if (given == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(given);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Exception.badRequest(parameter + " is a whole number from 1 to " + max);
    }

    private static Open311Exception rejected(Throwable cause) {
        if (cause instanceof CommandRejectedException rejected) {
            return Open311Exception.badRequest(switch (rejected.reason()) {
                case OUTSIDE_GRID -> "the location lies outside every grid cell this city serves";
                case UNKNOWN_CATEGORY -> "service_code is not a service; see services";
                default -> rejected.getMessage();
            });
        }
        if (cause instanceof CompletionException completion && completion.getCause() != null) {
            return rejected(completion.getCause());
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .path(BASE).build().toUriString();
    }
}
