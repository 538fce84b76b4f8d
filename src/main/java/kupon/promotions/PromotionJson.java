package kupon.promotions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How promotions are written to and read from the database. A mapper of its own, so a change to the
 * REST layer's JSON settings can never change what is stored.
 */
public final class PromotionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PromotionJson() {
    }

    public static String write(Promotion promotion) {
        try {
            return MAPPER.writeValueAsString(promotion);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Promotion " + promotion.id() + " cannot be written as JSON", e);
        }
    }

    public static Promotion read(String json) {
        try {
            return MAPPER.readValue(json, Promotion.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored promotion cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
