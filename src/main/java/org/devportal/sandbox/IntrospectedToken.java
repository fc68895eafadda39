package org.devportal.sandbox;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An active access token as the sample API sees it. It never carries the token's value.
 *
 * @param subject the resource owner the client acts for
 * @param clientId the client's OAuth client ID
 * @param scopes the scopes the token grants
 * @param expiresAt when the token expires
 * @param companyId the sandbox company the token acts for, or null
 */
@NamedInterface("introspection")
public record IntrospectedToken(
        String subject, String clientId, Set<String> scopes, Instant expiresAt, UUID companyId) {}
