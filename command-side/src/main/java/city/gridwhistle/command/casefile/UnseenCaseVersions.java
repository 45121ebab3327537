package city.gridwhistle.command.casefile;

import city.gridwhistle.api.casework.CaseCommand;
import city.gridwhistle.api.casework.CaseSight;
import city.gridwhistle.api.casework.NoSuchCaseException;
import city.gridwhistle.command.routing.RoutingPolicy;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * A command naming a version the case has not reached yet ({@code If-Match: "999"}) is refused by Axon as it loads
 * the case, before {@link CaseFile}'s own check that the caller may see it. Its refusal would tell a caller who may
 * not see the case that it exists and at which version; to them it is refused as a case that does not exist.
 */
@Configuration
class UnseenCaseVersions implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Repository<CaseFile> cases;
    private final RoutingPolicy routing;

    UnseenCaseVersions(@Lazy Repository<CaseFile> cases, RoutingPolicy routing) {
        this.cases = cases;
        this.routing = routing;
    }

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (ConflictingAggregateVersionException conflict) {
            if (unitOfWork.getMessage().getPayload() instanceof CaseCommand command
                    && cases.load(command.caseId()).invoke(c -> c.sightOf(command.actor(), routing))
                    == CaseSight.NONE) {
                throw new NoSuchCaseException();
            }
            throw conflict;
        }
    }
}
