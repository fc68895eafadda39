package org.devportal.authserver;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.RedirectUriMatch;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The platform's checks of an authorization request, in the order they apply, before the user signs in. A bad
 * or missing {@code redirect_uri} is answered with an error page, never a redirect (docs/client-rules.md, redirect-URI
 * matching); every later problem is sent back to the verified redirect URI. Spring Authorization Server then requires
 * PKCE with S256.
 */
final class AuthorizationRequestRules implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    /** RFC 7636 §4.2: an S256 challenge is a base64url value; verifiers and challenges share this alphabet. */
    static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        if (PlatformClients.isSuspended(client)) {
            // An error page, never a redirect: the client may be the reason for the suspension.
            throw error(
                    request,
                    null,
                    OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                    "This client is suspended at the production issuer. Its developers have been told why.");
        }
        if (request.getRedirectUri() == null || request.getRedirectUri().isEmpty()) {
            throw error(
                    request,
                    null,
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "The request has no redirect_uri. Send one of the redirect URIs registered for this client.");
        }
        List<RedirectUri> registered = client.getClientSettings().getSetting(PlatformClients.REDIRECT_URIS_SETTING);
        if (registered == null
                || RedirectUriMatch.find(request.getRedirectUri(), registered).isEmpty()) {
            throw error(
                    request,
                    null,
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "The redirect_uri is not registered for this client. It must match a registered redirect URI "
                            + "exactly, character for character; only http://127.0.0.1 and http://[::1] may use any port.");
        }
        if (request.getState() == null || request.getState().isEmpty()) {
            throw error(
                    request,
                    request.getRedirectUri(),
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "The request has no state. Send an unguessable state value and check it in the response.");
        }
        Set<String> scopes = request.getScopes();
        if (scopes.isEmpty()) {
            throw error(
                    request,
                    request.getRedirectUri(),
                    OAuth2ErrorCodes.INVALID_SCOPE,
                    "The request has no scope. Ask for one or more of the scopes registered for this client.");
        }
        if (!client.getScopes().containsAll(scopes)) {
            throw error(
                    request,
                    request.getRedirectUri(),
                    OAuth2ErrorCodes.INVALID_SCOPE,
                    "The request asks for scopes that are not registered for this client: "
                            + String.join(
                                    " ",
                                    scopes.stream()
                                            .filter(s -> !client.getScopes().contains(s))
                                            .sorted()
                                            .toList()));
        }
        Object challenge = request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE);
        if (challenge instanceof String value && !PKCE_VALUE.matcher(value).matches()) {
            throw error(
                    request,
                    request.getRedirectUri(),
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "The code_challenge must be BASE64URL(SHA-256(code_verifier)): 43 characters from A-Z a-z 0-9 - . _ ~");
        }
        Object method = request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE_METHOD);
        if (challenge == null && client.getClientSettings().isRequireProofKey()) {
            throw error(
                    request,
                    request.getRedirectUri(),
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "PKCE is required: send code_challenge and code_challenge_method=S256.");
        }
        if (challenge != null && !"S256".equals(method)) {
            throw error(
                    request,
                    request.getRedirectUri(),
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "The code_challenge_method must be S256; plain and a missing method are not accepted.");
        }
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(
            OAuth2AuthorizationCodeRequestAuthenticationToken request,
            String redirectUri,
            String code,
            String description) {
        OAuth2AuthorizationCodeRequestAuthenticationToken result =
                new OAuth2AuthorizationCodeRequestAuthenticationToken(
                        request.getAuthorizationUri(),
                        request.getClientId(),
                        (Authentication) request.getPrincipal(),
                        redirectUri,
                        request.getState(),
                        request.getScopes(),
                        request.getAdditionalParameters());
        result.setAuthenticated(true);
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(code, description, null), result);
    }
}
