package kupon.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.fraud.CodeGuessing;
import kupon.fraud.Requester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Answers 429 with Retry-After to a requester that guessed too many codes (API.md "Fraud"), for evaluate and orders. */
@ApplicationScoped
class GuessingThrottle {

    private final CodeGuessing guessing;

    GuessingThrottle(CodeGuessing guessing) {
        this.guessing = guessing;
    }

    /** Before anything is evaluated: a requester throttled on this node is refused from memory. */
    void admit(Requester requester) {
        guessing.throttled(requester, Instant.now()).ifPresent(GuessingThrottle::refuse);
    }

    /** After evaluating: counts the unknown codes, and refuses the request that passed the threshold. */
    void count(Requester requester, List<RejectedCode> rejected) {
        int unknown = (int) rejected.stream().filter(r -> r.reason() == RejectionReason.UNKNOWN_CODE).count();
        if (unknown > 0) guessing.attempted(requester, unknown, Instant.now()).ifPresent(GuessingThrottle::refuse);
    }

    private static void refuse(Duration wait) {
        throw new Throttled(Response.status(429).header("Retry-After", wait.toSeconds())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("TOO_MANY_CODE_ATTEMPTS", "Too many codes that do not exist were tried from this shopper;"
                        + " try again in " + wait.toSeconds() + " seconds")).build());
    }

    /** The 429 answer; without a stack trace, since an attacker may make thousands a second and none is a bug. */
    private static final class Throttled extends WebApplicationException {
        Throttled(Response response) {
            super(response);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
