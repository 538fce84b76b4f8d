package kupon.console;

import jakarta.ws.rs.container.ContainerRequestContext;

/** What every console page shows around its content: where you are, who you are, your form token and a notice. */
public record Frame(String section, String title, String caller, String role, boolean admin, String csrf, String notice) {

    static Frame of(ContainerRequestContext request, String section, String title) {
        return of(request, section, title, null);
    }

    static Frame of(ContainerRequestContext request, String section, String title, String notice) {
        ConsoleSession session = (ConsoleSession) request.getProperty(ConsoleFilter.SESSION_PROPERTY);
        return new Frame(section, title, session.caller(), session.role().label(), session.isAdmin(), session.csrf(), notice);
    }

    /** The sign-in page's frame: nobody is signed in yet. */
    static Frame signedOut(String title) {
        return new Frame("sign-in", title, null, null, false, null, null);
    }

    public boolean signedIn() {
        return caller != null;
    }

    public boolean is(String name) {
        return section.equals(name);
    }
}
