package city.gridwhistle.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import city.gridwhistle.web.idempotency.IdempotencyFilter;
import city.gridwhistle.web.idempotency.IdempotencyKeys;
import city.gridwhistle.web.outage.DatabaseAvailability;
import city.gridwhistle.web.outage.OutageFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. The API ({@code /api/**}, {@code /actuator/**}) takes bearer tokens or partner API keys, which no
 * browser sends on its own, hence no CSRF to guard against; it never creates a session. Pages use a session signed
 * in through a form, with CSRF tokens on every change, and the pages' scripts call the same API with that session:
 * such a call (a session cookie, no token, no key) must carry the session's CSRF token in {@code X-CSRF-TOKEN}. Each API path is open to the roles listed here; what a role may see or do to a particular case
 * is decided by the domain (the case aggregate, the query side's access filter). Open311 ({@code /open311/v2/**})
 * has a stateless door of its own, public for reading, as its specification wants.
 */
@Configuration
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:%s; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final String contentSecurityPolicy;

    /** Images may come from the base-map tile server too, when one is set (none by default). */
    SecurityConfiguration(@Value("${gridwhistle.pages.base-map-url:}") String baseMapUrl) {
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY.formatted(tileOrigin(baseMapUrl));
    }

    private static String tileOrigin(String baseMapUrl) {
        if (baseMapUrl == null || baseMapUrl.isBlank()) {
            return "";
        }
        java.net.URI uri = java.net.URI.create(baseMapUrl.trim().replaceAll("[{}]", ""));
        String host = uri.getHost().replaceFirst("^[a-z]\\.", "*.");
        return " " + uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static final String[] REPORTERS = {"RIDER", "GRID_WORKER", "SUPERVISOR", "PARTNER"};
    /** Roles with an account, a password and tokens of their own; partners have keys instead. */
    private static final String[] PEOPLE = {"RIDER", "GRID_WORKER", "SUPERVISOR", "ADMIN"};
    private static final String[] CASE_READERS = {"RIDER", "GRID_WORKER", "SUPERVISOR", "ADMIN", "PARTNER"};

    /**
     * Spring Security would wrap each of its filters, and each authentication and authorization, in a Micrometer
     * observation of its own: a dozen observations per request that nobody reads (requests are timed as
     * {@code http.server.requests}). Decision 0027.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PasswordAuthentication passwords) {
        return new ProviderManager(passwords);
    }

    /**
     * Open311 GeoReport v2: reading is public, as the specification has it; filing checks the partner's API key
     * itself (form field {@code api_key} or {@code X-Api-Key}) so that a missing or wrong key is answered 403 in
     * the specification's error format, which Open311 clients parse, rather than 401 as a problem detail.
     */
    @Bean
    @Order(0)
    SecurityFilterChain open311(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/v2/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(this::secureHeaders)
                .authorizeHttpRequests(auth -> auth
                        // the controller answers every path and method under the base: filing checks its key,
                        // any path it does not serve is 404 in the format asked for
                        .anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, ApiKeys apiKeys, ProblemResponses problems,
                            IdempotencyKeys idempotencyKeys, DatabaseAvailability database, ObjectMapper json,
                            Accounts accounts) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                // a signed-in page's session is honoured, never created here
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(pageSessions()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionCallThatChanges))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiAuthenticationFilter(tokens, apiKeys, problems), BasicAuthenticationFilter.class)
                // right after sign-in (same slot, added later, runs later): while PostgreSQL is down, writes are
                // refused at once, and an outage met further down (idempotency keys) becomes 503, not 500
                .addFilterBefore(new OutageFilter(database, json), BasicAuthenticationFilter.class)
                // a page's session calling the API: its account is read again (disabled, erased, its password or
                // role changed: it ends); then, whoever must choose a new password may do nothing else
                .addFilterBefore(new SessionAccountCheck(accounts, database), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeGate(problems), AnonymousAuthenticationFilter.class)
                // after authorization: the caller is known (keys are per caller) and a refused request claims no key
                .addFilterAfter(new IdempotencyFilter(idempotencyKeys, json), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(this::secureHeaders)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(POST, "/api/auth/token", "/api/auth/devices", "/api/auth/devices/refresh")
                                .permitAll()
                        .requestMatchers("/api/auth/password", "/api/auth/tokens", "/api/auth/tokens/*",
                                "/api/auth/devices", "/api/auth/devices/*")
                                .hasAnyRole(PEOPLE)
                        .requestMatchers("/api/auth/**").authenticated()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(POST, "/api/reports").hasAnyRole(REPORTERS)
                        .requestMatchers(GET, "/api/reports/nearby").authenticated()
                        .requestMatchers(POST, "/api/photos").hasAnyRole(REPORTERS)
                        .requestMatchers(GET, "/api/photos/*").authenticated()
                        // case histories (audit): supervisors and administrators only; the query limits supervisors to their district
                        .requestMatchers(GET, "/api/cases/*/history", "/api/cases/*/history.json",
                                "/api/cases/*/history.csv", "/api/cases/*/history.pdf",
                                "/api/cases/*/history/accesses", "/api/cases/*/as-of", "/api/cases/*/diff")
                                .hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(GET, "/api/cases", "/api/cases/*").hasAnyRole(CASE_READERS)
                        .requestMatchers(POST, "/api/cases/*/dispatch", "/api/cases/*/reassign", "/api/cases/*/park",
                                "/api/cases/*/unpark", "/api/cases/*/escalate", "/api/cases/*/reopen",
                                "/api/cases/*/void", "/api/cases/*/reporter-identity").hasRole("SUPERVISOR")
                        .requestMatchers(POST, "/api/cases/*/accept", "/api/cases/*/start", "/api/cases/*/resolve")
                                .hasRole("GRID_WORKER")
                        .requestMatchers(POST, "/api/cases/*/transfer", "/api/cases/*/notes")
                                .hasAnyRole("GRID_WORKER", "SUPERVISOR")
                        .requestMatchers(POST, "/api/cases/*/verify").hasAnyRole("RIDER", "GRID_WORKER", "SUPERVISOR")
                        .requestMatchers(POST, "/api/cases/*/follow").hasRole("RIDER")
                        .requestMatchers(GET, "/api/dashboards/**", "/api/stream/dashboard").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(GET, "/api/stream/cases").authenticated()
                        .requestMatchers(GET, "/api/leaderboard").authenticated()
                        .requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/riders/me/leaderboard-name")
                                .hasRole("RIDER")
                        .requestMatchers(GET, "/api/riders/*/points").hasAnyRole("RIDER", "SUPERVISOR", "ADMIN")
                        .requestMatchers(POST, "/api/workers/*/on-duty", "/api/workers/*/off-duty")
                                .hasAnyRole("GRID_WORKER", "SUPERVISOR", "ADMIN")
                        // the rider-station directory: every signed-in caller reads; /api/admin/stations is ADMIN above
                        .requestMatchers(GET, "/api/stations", "/api/stations/*").authenticated()
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // being told: a rider's own inbox (decision 0013); webhooks are under /api/admin/**
                        .requestMatchers(GET, "/api/notifications", "/api/notifications/stream").hasRole("RIDER")
                        .requestMatchers(POST, "/api/notifications/*/read").hasRole("RIDER")
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The signed-in page's session, read but never created: a repository of our own does not take the NEVER
     * policy from the chain, and by default it made a session for every call with a token or key (thirty
     * minutes each; under load they filled the heap, decision 0028).
     */
    private static HttpSessionSecurityContextRepository pageSessions() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return sessions;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, DatabaseAvailability database,
                              ProblemResponses problems) throws Exception {
        http.headers(this::secureHeaders)
                .addFilterBefore(new SessionAccountCheck(accounts, database), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeGate(problems), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::signInFailed).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/swagger-ui.html", "/swagger-ui/**", "/api-docs/**",
                                "/problems/**", "/favicon.ico", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/offline-worker.js", "/manifest.webmanifest").permitAll()
                        .requestMatchers("/rider/**").hasRole("RIDER")
                        .requestMatchers("/worker/**").hasRole("GRID_WORKER")
                        .requestMatchers("/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The sign-in page again, saying only that it failed, or, when sign-ins for the name or from the address are
     * throttled, how many seconds to wait: the same for every name, real or not.
     */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws IOException {
        String query = e instanceof SignInThrottledException throttled ? "wait=" + throttled.retryAfterSeconds()
                : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }

    /**
     * A change (not GET, HEAD, OPTIONS or TRACE) made with the browser's session cookie rather than a token or key:
     * only such a call can be forged by another site, so only it must prove it came from one of our pages.
     */
    static boolean sessionCallThatChanges(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> request.getRequestedSessionId() != null
                    && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getHeader(ApiAuthenticationFilter.API_KEY_HEADER) == null;
        };
    }

    private void secureHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
