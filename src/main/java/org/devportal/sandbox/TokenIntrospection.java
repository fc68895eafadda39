package org.devportal.sandbox;

import java.util.Optional;
import org.devportal.base.Environment;
import org.springframework.modulith.NamedInterface;

/**
 * What the sample API asks about the bearer token of a request: is it an active access token of this issuer, and
 * what does it stand for. The issuers answer it from their authorization store. It is declared here, on the API's
 * side, because the issuers depend on this module for the sandbox companies and this module must not depend on
 * them in turn.
 */
@NamedInterface("introspection")
public interface TokenIntrospection {

    /**
     * The access token with this value, if it is active at the issuer of this environment: a token of one issuer
     * is not valid at the other.
     */
    Optional<IntrospectedToken> introspect(String token, Environment issuer);
}
