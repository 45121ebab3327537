package city.gridwhistle.web.notifications;

import city.gridwhistle.api.notify.FindPlatformWebhooksQuery;
import city.gridwhistle.api.notify.FindWebhookDeliveriesQuery;
import city.gridwhistle.api.notify.PlatformWebhooks;
import city.gridwhistle.api.notify.RegisterPlatformWebhookCommand;
import city.gridwhistle.api.notify.RegisteredWebhook;
import city.gridwhistle.api.notify.RemovePlatformWebhookCommand;
import city.gridwhistle.api.notify.WebhookDeliveries;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner platforms' webhooks (administrators). Registering answers the shared secret once; listing never shows
 * it. Registering a platform again replaces its webhook and secret. {@code /deliveries} shows what was delivered,
 * what is being retried and what was given up.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
class WebhookAdminController {

    record NewWebhook(@NotBlank @Size(max = 40) String platform, @NotBlank @Size(max = 2000) String url) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;

    WebhookAdminController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<RegisteredWebhook> register(@Valid @RequestBody NewWebhook body, Actor actor) {
        RegisteredWebhook registered = commands.sendAndWait(
                new RegisterPlatformWebhookCommand(body.platform(), body.url(), actor));
        return ResponseEntity.status(HttpStatus.CREATED).body(registered);
    }

    @GetMapping
    PlatformWebhooks list() {
        return queries.query(new FindPlatformWebhooksQuery(), PlatformWebhooks.class).join();
    }

    @DeleteMapping("/{webhookId}")
    ResponseEntity<?> remove(@PathVariable String webhookId, Actor actor) {
        Boolean removed = commands.sendAndWait(new RemovePlatformWebhookCommand(webhookId, actor));
        if (Boolean.TRUE.equals(removed)) {
            return ResponseEntity.noContent().build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such webhook");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/deliveries")
    WebhookDeliveries deliveries(@RequestParam(required = false) String platform,
                                 @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > FindWebhookDeliveriesQuery.MAX_LIMIT) {
            throw new InvalidParameterException("limit", "between 1 and " + FindWebhookDeliveriesQuery.MAX_LIMIT);
        }
        return queries.query(new FindWebhookDeliveriesQuery(platform, limit), WebhookDeliveries.class).join();
    }
}
