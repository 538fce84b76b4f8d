package kupon.console;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import kupon.auth.Allowed;
import kupon.auth.ApiKeyFilter;
import kupon.auth.Role;
import kupon.auth.SessionAuthenticated;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Lets a console request through only with a live session whose role the page allows, and a change (any method but
 * GET) only with the session's form token: in a hidden {@code _csrf} field, an {@code X-CSRF-Token} header (htmx) or,
 * for file uploads, the {@code _csrf} query parameter. Every console answer gets headers that keep it out of frames
 * and caches and let it run only its own scripts.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ConsoleFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The cookie that carries the session token. */
    public static final String COOKIE = "kupon_console";
    /** Where resources find the {@link ConsoleSession}. */
    public static final String SESSION_PROPERTY = "kupon.console.session";
    /** The largest form body read for its token (rule file uploads carry theirs in the query). */
    private static final int MAX_FORM_BYTES = 1 << 20;

    @Context
    ResourceInfo resourceInfo;

    private final ConsoleSessions sessions;

    public ConsoleFilter(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    private boolean isConsole() {
        return resourceInfo.getResourceMethod() != null
                && resourceInfo.getResourceClass().isAnnotationPresent(SessionAuthenticated.class);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!isConsole() || resourceInfo.getResourceClass() == SignInPage.class) return;
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<ConsoleSession> found = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        if (found.isEmpty()) {
            String next = request.getUriInfo().getRequestUri().getRawPath();
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            if ("GET".equals(request.getMethod()) && query != null) next += "?" + query;
            if (!"GET".equals(request.getMethod())) next = "/console";
            request.abortWith(Response.seeOther(URI.create("/console/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))).build());
            return;
        }
        ConsoleSession session = found.get();
        request.setProperty(SESSION_PROPERTY, session);
        request.setProperty(ApiKeyFilter.ROLE_PROPERTY, session.role());
        request.setProperty(ApiKeyFilter.CALLER_PROPERTY, session.caller() + " in the console");
        Role[] allowed = allowed();
        if (session.role() != Role.ADMIN && Arrays.stream(allowed).noneMatch(r -> r == session.role())) {
            request.abortWith(page(403, "This page needs an admin key; you signed in as " + session.role().label() + "."));
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            if (!sameOrigin(request) || !tokenMatches(request, session.csrf())) {
                request.abortWith(page(403, "This form has expired or did not come from the console. Reload the page and try again."));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isConsole()) return;
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Cache-Control", "no-store");
    }

    private Role[] allowed() {
        Allowed onMethod = resourceInfo.getResourceMethod().getAnnotation(Allowed.class);
        if (onMethod != null) return onMethod.value();
        Allowed onClass = resourceInfo.getResourceClass().getAnnotation(Allowed.class);
        return onClass != null ? onClass.value() : new Role[] {Role.ADMIN};
    }

    /** A browser sends Origin with every form post; one from another site is refused even with a token. */
    static boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.equals("null")) return origin == null;
        String host = request.getHeaderString("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean tokenMatches(ContainerRequestContext request, String expected) throws IOException {
        String given = request.getHeaderString("X-CSRF-Token");
        MediaType type = request.getMediaType();
        if (given == null && type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            byte[] body = readAtMost(request.getEntityStream(), MAX_FORM_BYTES);
            if (body == null) return false;
            request.setEntityStream(new ByteArrayInputStream(body));
            given = formField(new String(body, StandardCharsets.US_ASCII), "_csrf");
        }
        if (given == null && type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            given = request.getUriInfo().getQueryParameters().getFirst("_csrf");
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    /** A console problem page: the message, with what to do next, as HTML with that status. */
    static Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.problem(message).render()).build();
    }
}
