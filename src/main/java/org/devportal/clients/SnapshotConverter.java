package org.devportal.clients;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.devportal.clients.redirecturi.RedirectUri;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Stores a {@link ClientSnapshot} as JSON in one column. Redirect URIs are written as plain strings, the shape
 * snapshots have always had, and read back with {@link RedirectUri#fromStorage(String)}, so a snapshot approved
 * under older rules still loads.
 */
@Converter
public class SnapshotConverter implements AttributeConverter<ClientSnapshot, String> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule("redirect-uris")
                    .addSerializer(RedirectUri.class, new ValueSerializer<>() {
                        @Override
                        public void serialize(RedirectUri uri, JsonGenerator json, SerializationContext context) {
                            json.writeString(uri.value());
                        }
                    })
                    .addDeserializer(RedirectUri.class, new ValueDeserializer<>() {
                        @Override
                        public RedirectUri deserialize(JsonParser json, DeserializationContext context) {
                            return RedirectUri.fromStorage(context.readValue(json, String.class));
                        }
                    }))
            .build();

    @Override
    public String convertToDatabaseColumn(ClientSnapshot snapshot) {
        return snapshot == null ? null : JSON.writeValueAsString(snapshot);
    }

    @Override
    public ClientSnapshot convertToEntityAttribute(String text) {
        return text == null ? null : JSON.readValue(text, ClientSnapshot.class);
    }

    static String write(ClientSnapshot snapshot) {
        return JSON.writeValueAsString(snapshot);
    }

    static ClientSnapshot read(String text) {
        return JSON.readValue(text, ClientSnapshot.class);
    }
}
