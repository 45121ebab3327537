package city.gridwhistle.web.actor;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.problem.InvalidParameterException;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controller methods the {@link Actor} of the request. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String ID_HEADER = "X-Actor-Id";
    public static final String ROLE_HEADER = "X-Actor-Role";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binders) {
        String id = request.getHeader(ID_HEADER);
        String role = request.getHeader(ROLE_HEADER);
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new InvalidParameterException(ID_HEADER, "name who is acting (1..64 characters)");
        }
        try {
            Role parsed = Role.valueOf(role == null ? "" : role.trim());
            if (parsed == Role.SYSTEM) {
                throw new IllegalArgumentException("SYSTEM");
            }
            return new Actor(id.trim(), parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(ROLE_HEADER, "one of " + Arrays.stream(Role.values())
                    .filter(r -> r != Role.SYSTEM).toList());
        }
    }
}
