package dev.aitrainingdirectory.support;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies tests write with: one complete, valid body of each curated resource, which a test
 * changes with {@link Body#with} and {@link Body#without} into the case it needs. A test that sends a
 * body it built by hand instead says less about what it changed.
 */
public final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    /** An empty JSON object, such as the start of a merge patch. */
    public static Body object() {
        return new Body();
    }

    /** A pay tier with every field: 25.50 to 40 USD an hour. */
    public static Body payTier(String slug) {
        return object()
                .with("slug", slug)
                .with("name", "Write Test Tier")
                .with("description", "A tier written by a test.")
                .with("publishedRange.min", new BigDecimal("25.50"))
                .with("publishedRange.max", new BigDecimal("40"))
                .with("publishedRange.currency", "USD");
    }

    /**
     * A platform with the facts every platform has, on {@code https://platform.example/<slug>}: its official
     * domain is {@code platform.example}, where {@link #listing} applies. Open to India and the Philippines.
     */
    public static Body platform(String slug) {
        return object()
                .with("slug", slug)
                .with("name", "Write Test Platform")
                .with("websiteUrl", "https://platform.example/" + slug)
                .with("description", "A platform written by a test.")
                .with("audience", "SPECIALIST")
                .with("taskTypes", List.of("RESPONSE_RATING", "PREFERENCE_COMPARISON"))
                .with("payTiers", List.of("coding"))
                .with("paymentMethods", List.of("PAYPAL"))
                .with("payoutSchedule", "WEEKLY")
                .with("assessmentRequired", true)
                .with("identityVerification", false)
                .with("eligibility.countries", List.of("IN", "PH"))
                .with("eligibility.excludedCountries", List.of())
                .with("eligibility.languages", List.of("en"))
                .with("eligibility.credentials", List.of());
    }

    /**
     * An open listing on {@code platform} (one whose official domain is {@code platform.example}, as the
     * fixture's and {@link #platform}'s are): coding work paid 35 to 55 USD an hour, for English speakers in
     * India and the Philippines.
     */
    public static Body listing(String platform, String externalId) {
        return object()
                .with("platform", platform)
                .with("externalId", externalId)
                .with("title", "Rate Python answers")
                .with("description", "Judge two Python answers and explain the better one.")
                .with("taskType", "CODE_EVALUATION")
                .with("payTier", "coding")
                .with("pay.min", 35)
                .with("pay.max", 55)
                .with("pay.currency", "USD")
                .with("pay.unit", "HOUR")
                .with("eligibility.countries", List.of("IN", "PH"))
                .with("eligibility.languages", List.of("en"))
                .with("status", "OPEN")
                .with("applyUrl", "https://platform.example/apply/" + externalId)
                .with("postedAt", "2026-11-20T10:00:00Z");
    }

    /** The body of an import of these listings. */
    public static Body listingImport(List<Body> listings) {
        return object().with("listings", List.copyOf(listings));
    }

    /** An exchange rate of {@code rate} US dollars a unit, as of 30 November 2026; its currency is the URL's. */
    public static Body exchangeRate(String rate) {
        return object()
                .with("rate", new BigDecimal(rate))
                .with("asOf", "2026-11-30")
                .with("source", "A test's rate");
    }

    /**
     * A value written into a body exactly as this JSON text, for what a Java value cannot say: a string of
     * the wrong type, a JSON escape, a duplicate key.
     */
    public static Object raw(String json) {
        return new RawJson(json);
    }

    /** A JSON object under construction: its fields in the order they were first set. */
    public static final class Body {

        private final Map<String, Object> fields;

        private Body() {
            this(new LinkedHashMap<>());
        }

        private Body(Map<String, Object> fields) {
            this.fields = fields;
        }

        /**
         * Sets the field at a dotted path ({@code publishedRange.min}), making the objects on the way;
         * {@code null} writes a JSON null, as a merge patch that removes a field does.
         */
        public Body with(String path, Object value) {
            String[] names = path.split("\\.");
            Map<String, Object> object = fields;
            for (int index = 0; index < names.length - 1; index++) {
                object = child(object, names, index, true);
            }
            object.put(names[names.length - 1], value instanceof Body body ? body.copy().fields : value);
            return this;
        }

        /** Removes the field at a dotted path, which must be there: removing nothing would test nothing. */
        public Body without(String path) {
            String[] names = path.split("\\.");
            Map<String, Object> object = fields;
            for (int index = 0; index < names.length - 1; index++) {
                object = child(object, names, index, false);
            }
            if (!object.containsKey(names[names.length - 1])) {
                throw new IllegalArgumentException("The body has no field " + path + " to remove: " + json());
            }
            object.remove(names[names.length - 1]);
            return this;
        }

        /** The value at a dotted path, or null when there is none. */
        public Object get(String path) {
            Object value = fields;
            for (String name : path.split("\\.")) {
                if (!(value instanceof Map<?, ?> object)) {
                    return null;
                }
                value = object.get(name);
            }
            return value;
        }

        /** A body that changes apart from this one. */
        public Body copy() {
            return new Body(deepCopy(fields));
        }

        /** The fields, as a request writes them. */
        @JsonValue
        public Map<String, Object> fields() {
            return fields;
        }

        /** The body as JSON text. */
        public String json() {
            try {
                return JSON.writeValueAsString(fields);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public String toString() {
            return json();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> child(Map<String, Object> object, String[] names, int index, boolean create) {
            Object value = object.get(names[index]);
            if (value == null && create) {
                value = new LinkedHashMap<String, Object>();
                object.put(names[index], value);
            } else if (value instanceof Map<?, ?> map && !(map instanceof LinkedHashMap<?, ?>)) {
                value = new LinkedHashMap<>((Map<String, Object>) map);
                object.put(names[index], value);
            }
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("The body has no object " + String.join(".", List.of(names).subList(0, index + 1)));
            }
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        private static <T> T deepCopy(T value) {
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((name, field) -> copy.put(name, deepCopy(field)));
                return (T) copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(element -> copy.add(deepCopy(element)));
                return (T) copy;
            }
            return value instanceof Body body ? (T) body.copy().fields : value;
        }
    }

    /** JSON text written into a body as it is. */
    private record RawJson(String json) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
            generator.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer typeSer)
                throws IOException {
            serialize(generator, serializers);
        }
    }
}
