package org.devportal.clients.redirecturi;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link RedirectUri} as its text, exactly as entered. Loading goes through
 * {@link RedirectUri#fromStorage(String)}, so a row saved under older rules still loads.
 */
@Converter
public class RedirectUriAttributeConverter implements AttributeConverter<RedirectUri, String> {

    @Override
    public String convertToDatabaseColumn(RedirectUri uri) {
        return uri == null ? null : uri.value();
    }

    @Override
    public RedirectUri convertToEntityAttribute(String value) {
        return value == null ? null : RedirectUri.fromStorage(value);
    }
}
