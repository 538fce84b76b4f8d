package kupon.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Lets a request through only with a known API key whose role the endpoint allows: 401 without, 403 with the wrong
 * one ({@link AccessRefused}, which the API renders as its JSON error).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    /** Where resources that decide per request (e.g. by the kind of file uploaded) find the caller's role. */
    public static final String ROLE_PROPERTY = "kupon.role";
    /** Who is calling, as {@link ApiKeys#describe} words it, for what records its author. */
    public static final String CALLER_PROPERTY = "kupon.caller";

    private final ApiKeys apiKeys;

    public ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return; // not one of our resources: 404/405 answer on their own
        }
        if (resourceInfo.getResourceClass().isAnnotationPresent(SessionAuthenticated.class)) {
            return; // the console: signed in by session cookie
        }
        String key = key(request);
        Role role = key == null ? null : apiKeys.roleOf(key).orElse(null);
        if (role == null) {
            throw new AccessRefused(401, "UNAUTHORIZED", key == null
                    ? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
                    : "This API key is not known; check it against the keys the server was started with");
        }
        request.setProperty(ROLE_PROPERTY, role);
        request.setProperty(CALLER_PROPERTY, apiKeys.describe(key));
        Role[] allowed = allowed(method);
        if (role != Role.ADMIN && Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw new AccessRefused(403, "FORBIDDEN", "This key has the role " + role.label() + "; this endpoint needs "
                    + Arrays.stream(allowed).map(Role::label).collect(Collectors.joining(" or ")) + " (or admin)");
        }
    }

    private Role[] allowed(Method method) {
        Allowed onMethod = method.getAnnotation(Allowed.class);
        if (onMethod != null) return onMethod.value();
        Allowed onClass = resourceInfo.getResourceClass().getAnnotation(Allowed.class);
        return onClass != null ? onClass.value() : new Role[] {Role.ADMIN};
    }

    private static String key(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = request.getHeaderString("X-Api-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
