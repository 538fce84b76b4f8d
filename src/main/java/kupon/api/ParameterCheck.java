package kupon.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Path and query parameters of every endpoint reach lookups in PostgreSQL and error messages: one that no field could
 * hold (a NUL, a lone surrogate, more than {@link FieldLimits#ANY_TEXT} characters) is refused with 400 before any
 * resource runs, so no resource has to remember to.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 1)
public class ParameterCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        check("path", request.getUriInfo().getPathParameters(), errors);
        check("query", request.getUriInfo().getQueryParameters(), errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(400, errors);
    }

    private static void check(String where, MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> {
            FieldLimits.text(where + " parameter", name, FieldLimits.LABEL, errors);
            for (String value : values) {
                String problem = FieldLimits.problem(value, FieldLimits.ANY_TEXT);
                if (problem != null) errors.add(new FieldError(FieldLimits.excerpt(name), "(" + where + " parameter) " + problem));
            }
        });
    }
}
