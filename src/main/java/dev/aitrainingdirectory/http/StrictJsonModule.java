package dev.aitrainingdirectory.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads request bodies as strictly as the OpenAPI document describes them, so that a value of the
 * wrong JSON type is a 400 naming its field instead of being guessed at: no number for a string
 * ({@code 12} for a title), no string for a number or boolean ({@code "12"}, {@code ""}), no number
 * for an enumeration (Jackson would take {@code 0} as the first constant), no fraction for a whole
 * number ({@code 1.5} days), nothing after the
 * document ({@code {...} trailing}), and timestamps only as ISO-8601 strings (not {@code "1732700000"}) within the four-digit years of RFC 3339,
 * which every database stores and every client parses.
 */
@Singleton
public class StrictJsonModule implements ObjectMapperCustomizer {

    /** The first and the last instant a body may carry: the four-digit years of RFC 3339. */
    static final Instant END_OF_YEAR_9999 = Instant.parse("9999-12-31T23:59:59.999999999Z");
    static final Instant START_OF_YEAR_1 = Instant.parse("0001-01-01T00:00:00Z");

    /** Applied last, so that its Instant deserializer replaces the one of the JavaTimeModule. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // A fraction for a whole number (1.5 days) is refused, not cut to 1.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape scalar : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(scalar, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float,
                LogicalType.Enum, LogicalType.POJO, LogicalType.Collection, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-json").addDeserializer(Instant.class, new BoundedInstantDeserializer()));
    }

    /** Whether {@code instant} has a year from 1 to 9999, as RFC 3339 timestamps do. */
    public static boolean withinFourDigitYears(Instant instant) {
        return !instant.isBefore(START_OF_YEAR_1) && !instant.isAfter(END_OF_YEAR_9999);
    }

    private static final class BoundedInstantDeserializer extends StdScalarDeserializer<Instant> {

        BoundedInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            if (parser.getText().indexOf('T') < 0) {
                // Jackson would read a string of digits as seconds since 1970; the document promises ISO-8601 only.
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(),
                        "must be an ISO-8601 timestamp such as 2026-11-27T10:15:30Z");
            }
            Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (instant != null && !withinFourDigitYears(instant)) {
                return (Instant) context.handleWeirdStringValue(Instant.class, instant.atOffset(ZoneOffset.UTC).toString(),
                        "a timestamp must have a year from 0001 to 9999");
            }
            return instant;
        }
    }
}
