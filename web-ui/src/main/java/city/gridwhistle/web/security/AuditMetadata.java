package city.gridwhistle.web.security;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every command carries who sent it (user, role, unit) and by which channel (WEB, APP, API) in its metadata, and
 * every event a command causes inherits that metadata, beside Axon's correlation and causation ids. The audit
 * trail thus says who did what, from where, for each event. Who is the domain id (R001, W001, S001, a partner's
 * id), stable and pseudonymous, never the account name, which may be a phone number and outlives no erasure:
 * staff are named from their accounts when a record is shown ({@link StaffNames}, decision 0046). Events recorded
 * before carry a {@code username} too; they are never rewritten.
 */
@Configuration
class AuditMetadata {

    static final String USER = "userId";
    static final String ROLE = "role";
    static final String UNIT = "unit";
    static final String CHANNEL = "channel";

    @Autowired
    void stampCommands(CommandGateway commands) {
        commands.registerDispatchInterceptor(caller());
    }

    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    static CorrelationDataProvider callerOrigin() {
        return new SimpleCorrelationDataProvider(USER, ROLE, UNIT, CHANNEL);
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> caller() {
        return messages -> (index, command) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !(authentication.getPrincipal() instanceof GridUser user)) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(USER, user.subjectId());
            metadata.put(ROLE, user.role().name());
            metadata.put(CHANNEL, user.channel());
            if (user.unit() != null) {
                metadata.put(UNIT, user.unit());
            }
            return command.andMetaData(metadata);
        };
    }
}
