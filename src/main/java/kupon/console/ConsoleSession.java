package kupon.console;

import kupon.auth.Role;

import java.time.Instant;

/** A signed-in console user: the role of the key they signed in with, who they are in records, and their form token. */
public record ConsoleSession(String tokenHash, Role role, String caller, String csrf, Instant expiresAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
