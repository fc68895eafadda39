package org.devportal.clients;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a {@link ClientSnapshot} as JSON in one column. */
@Converter
public class SnapshotConverter implements AttributeConverter<ClientSnapshot, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
