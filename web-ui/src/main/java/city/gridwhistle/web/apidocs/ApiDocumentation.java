package city.gridwhistle.web.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the native API at {@code /api-docs} (Swagger UI at {@code /swagger-ui.html}): how to sign in, and on
 * every operation the problem details it may answer with, each with its stable {@code type} and an example.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM = "Problem";

    /** The errors any API operation can answer, by status, with the problem types they carry. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[] {"/problems/invalid-request", "a field is missing or malformed; errors[] names each (for a grid file: features[i].properties.code and the like)"});
        ERRORS.put("401", new String[] {"/problems/unauthenticated", "sign in: a bearer token or a partner API key"});
        ERRORS.put("403", new String[] {"/problems/forbidden", "the caller's role or relation to the case does not allow this"});
        ERRORS.put("404", new String[] {"/problems/not-found", "no such resource, or none the caller may see"});
        ERRORS.put("409", new String[] {"/problems/illegal-transition", "the case's state does not allow this (currentStatus and allowedActions say why); or what is to be created exists (station-exists, worker-exists)"});
        ERRORS.put("412", new String[] {"/problems/version-mismatch", "If-Match named a version the case has moved past"});
        ERRORS.put("422", new String[] {"/problems/outside-grid", "the request is well-formed but cannot be carried out (unknown category, outside every grid cell, reused Idempotency-Key)"});
        ERRORS.put("429", new String[] {"/problems/rate-limited", "too many reports, photos or filings; or too many live streams open for the account (too-many-streams); Retry-After says when to try again"});
    }

    @Bean
    OpenApiCustomizer gridWhistleApi() {
        return api -> {
            api.info(new Info().title("GridWhistle 网格吹哨 API").version("v1")
                    .description("Hazard reports from riders become cases routed to grid workers and closed under "
                            + "deadlines. Sign in with POST /api/auth/token (bearer token) or use a partner API key. "
                            + "Every error is an RFC 9457 problem detail with a stable type."));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("a token from POST /api/auth/token"));
            components.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("a partner's API key"));
            components.addSchemas(PROBLEM, problemSchema());
            api.components(components);
            api.addSecurityItem(new SecurityRequirement().addList("bearer"));
            api.addSecurityItem(new SecurityRequirement().addList("apiKey"));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> {
                    if (path.startsWith("/api/")) {
                        item.readOperations().forEach(ApiDocumentation::addProblems);
                    }
                });
            }
        };
    }

    private static void addProblems(Operation operation) {
        ERRORS.forEach((status, problem) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                Map<String, Object> example = new LinkedHashMap<>();
                example.put("type", problem[0]);
                example.put("title", "…");
                example.put("status", Integer.parseInt(status));
                example.put("detail", problem[1]);
                operation.getResponses().addApiResponse(status, new ApiResponse().description(problem[1])
                        .content(new Content().addMediaType("application/problem+json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example))));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema error = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("reason", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; type is stable per kind of error")
                .addProperty("type", new StringSchema().example("/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("lat: a latitude lies within -90..90"))
                .addProperty("instance", new StringSchema().example("/api/reports"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error));
    }
}
