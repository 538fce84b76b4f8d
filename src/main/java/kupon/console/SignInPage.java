package kupon.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import kupon.auth.SessionAuthenticated;

import java.net.URI;
import java.util.Optional;

/** Signing in to the console with an API key, and out again. */
@Path("/console")
@SessionAuthenticated
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final ConsoleSessions sessions;

    public SignInPage(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("/sign-in")
    public TemplateInstance form(@QueryParam("next") String next) {
        return Pages.signIn(Frame.signedOut("Sign in"), null, safeNext(next));
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("key") String key, @FormParam("next") String next, @Context ContainerRequestContext request) {
        if (!ConsoleFilter.sameOrigin(request)) return Response.status(403).entity(Pages.problem("Sign in from the console's own page.")).build();
        Optional<ConsoleSessions.SignedIn> signedIn = key == null || key.isBlank() ? Optional.empty() : sessions.signIn(key.strip());
        if (signedIn.isEmpty()) {
            return Response.status(401).entity(Pages.signIn(Frame.signedOut("Sign in"),
                    "That key is not a marketer or admin key of this service. Check it, or ask whoever runs Kupon for one.",
                    safeNext(next))).build();
        }
        return Response.seeOther(URI.create(safeNext(next))).cookie(cookie(signedIn.get().token(), request,
                (int) ConsoleSessions.LIFETIME.toSeconds())).build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("_csrf") String csrf, @Context ContainerRequestContext request) {
        // The sign-out form carries the form token like any other: another site cannot sign you out.
        Cookie cookie = request.getCookies().get(ConsoleFilter.COOKIE);
        Optional<ConsoleSession> session = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        if (session.isPresent() && !session.get().csrf().equals(csrf)) {
            return Response.status(403).entity(Pages.problem("This form has expired. Reload the page and sign out again.")).build();
        }
        session.ifPresent(sessions::signOut);
        return Response.seeOther(URI.create("/console/sign-in")).cookie(cookie("", request, 0)).build();
    }

    /** Only a console page may be where signing in leads: never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/console/sign-")) return "/console";
        return next;
    }

    private static NewCookie cookie(String token, ContainerRequestContext request, int maxAge) {
        boolean https = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())
                || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
        return new NewCookie.Builder(ConsoleFilter.COOKIE).value(token).path("/console").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
