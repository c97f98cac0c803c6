package dev.aitrainingdirectory.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Rejects, as a bad value of its field (400), any string in a request body that the database could not
 * store as given: NUL, which PostgreSQL cannot hold in text (H2 can), and unpaired surrogates, which
 * PostgreSQL's driver would silently turn into '?'. Without it the same request would succeed on H2
 * and fail, or change the text, on PostgreSQL.
 */
@Singleton
public class StorableTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableStringDeserializer()));
    }

    /** Whether a database stores {@code text} exactly as given. */
    static boolean storable(String text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(character)) {
                if (index + 1 == text.length() || !Character.isLowSurrogate(text.charAt(index + 1))) {
                    return false;
                }
                index++;
            } else if (Character.isLowSurrogate(character)) {
                return false;
            }
        }
        return true;
    }

    private static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !storable(value)) {
                return (String) context.handleWeirdStringValue(String.class, value,
                        "text must not contain NUL or unpaired surrogate characters");
            }
            return value;
        }
    }
}
