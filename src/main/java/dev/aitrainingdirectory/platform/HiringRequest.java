package dev.aitrainingdirectory.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Hiring as curators write it. Statuses are read as text and checked by the service, so that an unknown
 * one is named with its field (422) like every other bad value; {@code byCountry} keeps every entry as
 * written, a country named twice included, for the same reason.
 */
@Schema(name = "HiringWrite", description = "Whether the platform takes new contributors on, overall and in the"
        + " countries where that differs.", additionalProperties = Schema.False.class, requiredProperties = "status")
public record HiringRequest(
        @Schema(ref = "HiringStatus") String status,
        @JsonDeserialize(using = ByCountryReader.class) @JsonSerialize(using = ByCountryWriter.class)
        @Schema(ref = "HiringByCountry", description = "By ISO 3166-1 alpha-2 code, the status in countries where it differs"
                + " from `status`; each country once.")
        List<CountryStatus> byCountry,
        @Schema(description = "When a curator last checked the status against the platform.") Instant verifiedAt) {

    /** Open to all, never checked: a platform written without hiring. */
    public static final HiringRequest OPEN = new HiringRequest(HiringStatus.OPEN.name(), List.of(), null);

    /** One entry of {@code byCountry}, as written. */
    public record CountryStatus(String country, String status) {
    }

    /** The entries of {@code byCountry}, none when left out. */
    public List<CountryStatus> countries() {
        return byCountry == null ? List.of() : byCountry;
    }

    public static HiringRequest of(PlatformHiring hiring) {
        return new HiringRequest(hiring.status().name(), hiring.byCountry().entrySet().stream()
                .map(entry -> new CountryStatus(entry.getKey(), entry.getValue().name())).toList(), hiring.verifiedAt());
    }

    /** Reads a JSON object of country to status into its entries in order, repeated keys kept. */
    static final class ByCountryReader extends JsonDeserializer<List<CountryStatus>> {
        @Override
        public List<CountryStatus> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return context.reportInputMismatch(HiringRequest.class, "byCountry must be an object");
            }
            List<CountryStatus> entries = new ArrayList<>();
            for (String country = parser.nextFieldName(); country != null; country = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    entries.add(new CountryStatus(country, null));
                } else if (value == JsonToken.VALUE_STRING) {
                    entries.add(new CountryStatus(country, parser.getText()));
                } else {
                    return context.reportInputMismatch(HiringStatus.class, "byCountry holds statuses");
                }
            }
            return entries;
        }
    }

    /** Writes the entries back as one JSON object (for the base a merge patch applies to). */
    static final class ByCountryWriter extends JsonSerializer<List<CountryStatus>> {
        @Override
        public void serialize(List<CountryStatus> entries, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            for (CountryStatus entry : entries) {
                generator.writeStringField(entry.country(), entry.status());
            }
            generator.writeEndObject();
        }
    }
}
