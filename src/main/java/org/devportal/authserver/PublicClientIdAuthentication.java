package org.devportal.authserver;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets public clients (SPAs, mobile and desktop apps) identify themselves by their {@code client_id} alone where
 * that is enough, and nowhere else: at the token endpoint to use their refresh tokens, and at the revocation
 * endpoint to revoke their own tokens (RFC 7009 §5). Spring Authorization Server identifies a public client only
 * by its PKCE code exchange. A refresh token is bound to its client and rotates on every use, with reuse detection
 * (OAuth 2.1 §4.3.1); revoking needs the token itself. Introspection is never open to a client ID alone.
 */
final class PublicClientIdAuthentication {

    /** Where the client ID was presented: the token endpoint's refresh grant, or the revocation endpoint. */
    private static final String PRESENTED_AT = "org.devportal.authserver.client-id-presented-at";

    private static final String REFRESH = "refresh";
    private static final String REVOCATION = "revocation";

    private PublicClientIdAuthentication() {}

    static final class Converter implements AuthenticationConverter {
        @Override
        public Authentication convert(HttpServletRequest request) {
            String endpoint = endpointOf(request);
            if (endpoint == null || !"POST".equals(request.getMethod()) || request.getHeader("Authorization") != null) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
                return null;
            }
            if (clientIds.length != 1 || clientIds[0].isEmpty()) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
            }
            return new OAuth2ClientAuthenticationToken(
                    clientIds[0], ClientAuthenticationMethod.NONE, null, Map.of(PRESENTED_AT, endpoint));
        }

        private static String endpointOf(HttpServletRequest request) {
            String path = request.getRequestURI();
            if (path.endsWith(AuthorizationServerConfiguration.TOKEN_ENDPOINT)
                    && AuthorizationGrantType.REFRESH_TOKEN
                            .getValue()
                            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
                return REFRESH;
            }
            return path.endsWith(AuthorizationServerConfiguration.REVOCATION_ENDPOINT) ? REVOCATION : null;
        }
    }

    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                    || !token.getAdditionalParameters().containsKey(PRESENTED_AT)) {
                return null;
            }
            RegisteredClient client =
                    clients.findByClientId(token.getPrincipal().toString());
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: a confidential client must authenticate with client_secret_basic",
                        null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
