package org.devportal.clients;

import java.util.regex.Pattern;

/** A scope's name, {@code resource:read} or {@code resource:write} (docs/client-rules.md, scopes). */
public record ScopeName(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,40}:(read|write)");

    public ScopeName {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Scopes look like resource:read or resource:write");
        }
    }
}
