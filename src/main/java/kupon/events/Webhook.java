package kupon.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/** A receiver of events: where to send them, which types, and the secret deliveries are signed with (never shown). */
public record Webhook(String id, String url, List<String> events, @JsonIgnore String secret, String createdBy, Instant createdAt) {

    public Webhook {
        events = List.copyOf(events);
    }
}
