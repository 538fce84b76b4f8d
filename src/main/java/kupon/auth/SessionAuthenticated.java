package kupon.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the console's resources: people sign in there with a key once and are then known by a session cookie, which
 * the console checks; {@link ApiKeyFilter} leaves them alone. The API itself never accepts a cookie.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SessionAuthenticated {
}
