package org.devportal.clients;

import java.util.regex.Pattern;

/**
 * A scope's name: {@code resource:read} or {@code resource:write}, or {@code openid}, the OpenID Connect scope
 * (docs/client-rules.md, scopes).
 */
public record ScopeName(String value) {

    /** The scope that asks for an ID token and the user info endpoint (OpenID Connect Core §3.1.2.1). */
    public static final String OPENID = "openid";

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,40}:(read|write)");

    public ScopeName {
        if (value == null || !(OPENID.equals(value) || FORMAT.matcher(value).matches())) {
            throw new IllegalArgumentException("Scopes look like resource:read or resource:write, or are openid");
        }
    }

    public boolean isOpenId() {
        return OPENID.equals(value);
    }
}
