package org.devportal.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;

/**
 * The token endpoint's answers, as Spring Authorization Server writes them, plus an audit entry for each grant
 * and each refusal of a known client. The entries name the grant and the reason, never a token or secret.
 */
final class TokenResponses {

    private final OAuth2AccessTokenResponseAuthenticationSuccessHandler tokens =
            new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
    private final OAuth2ErrorAuthenticationFailureHandler errors = new OAuth2ErrorAuthenticationFailureHandler();
    private final PlatformClients clients;
    private final GrantAudit audit;

    TokenResponses(PlatformClients clients, GrantAudit audit) {
        this.clients = clients;
        this.audit = audit;
    }

    void success(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        tokens.onAuthenticationSuccess(request, response, authentication);
        OAuth2AccessTokenAuthenticationToken result = (OAuth2AccessTokenAuthenticationToken) authentication;
        boolean refresh = "refresh_token".equals(request.getParameter("grant_type"));
        audit.record(
                result.getRegisteredClient(),
                refresh ? GrantRecorded.Action.TOKENS_REFRESHED : GrantRecorded.Action.TOKENS_ISSUED,
                result.getAccessToken().getScopes(),
                null,
                null);
    }

    void failure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, jakarta.servlet.ServletException {
        exception = explained(request, exception);
        errors.onAuthenticationFailure(request, response, exception);
        RegisteredClient client = null;
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken token) {
            client = token.getRegisteredClient();
        }
        audit.record(
                client,
                GrantRecorded.Action.TOKEN_REQUEST_REFUSED,
                Set.of(),
                grantOf(request) + " grant: " + describe(exception),
                null);
    }

    /** Client authentication failed: the client is named by the request, but has not proven who it is. */
    void clientAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, jakarta.servlet.ServletException {
        exception = explained(request, exception);
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError() : null;
        if (error != null && OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
            // RFC 6749 §5.2: a failed client authentication is a 401, with a challenge for the scheme it used.
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (request.getHeader("Authorization") != null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"token endpoint\"");
            }
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            String description =
                    request.getRequestURI().endsWith(AuthorizationServerConfiguration.INTROSPECTION_ENDPOINT)
                            ? "Client authentication failed. Only confidential clients can introspect tokens: they send their "
                                    + "client ID and an active secret with HTTP Basic."
                            : "Client authentication failed. Confidential clients send their client ID and an active secret "
                                    + "with HTTP Basic; public clients send only client_id.";
            response.getWriter().write("{\"error\":\"invalid_client\",\"error_description\":\"" + description + "\"}");
        } else {
            errors.onAuthenticationFailure(request, response, exception);
        }
        String clientId = claimedClientId(request);
        if (clientId != null && request.getRequestURI().endsWith("/oauth/token")) {
            audit.record(
                    clients.findByClientId(clientId),
                    GrantRecorded.Action.TOKEN_REQUEST_REFUSED,
                    Set.of(),
                    grantOf(request) + " grant: the client could not authenticate (" + describe(exception) + ")",
                    null);
        }
    }

    /** The framework's error with a description that says what is wrong; see {@link ErrorDescriptions#token}. */
    private static AuthenticationException explained(HttpServletRequest request, AuthenticationException exception) {
        if (!(exception instanceof OAuth2AuthenticationException oauth)) {
            return exception;
        }
        OAuth2Error explained = ErrorDescriptions.token(oauth.getError(), request::getParameterValues);
        return explained == oauth.getError() ? exception : new OAuth2AuthenticationException(explained, exception);
    }

    private static String grantOf(HttpServletRequest request) {
        String grant = request.getParameter("grant_type");
        if (grant == null) {
            return "unknown";
        }
        // Whatever the request says, only a short, plain name goes into the audit log.
        String plain = grant.replaceAll("[^a-z_:.-]", "");
        return plain.substring(0, Math.min(plain.length(), 40));
    }

    private static String describe(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            return error.getDescription() == null
                    ? error.getErrorCode()
                    : error.getErrorCode() + ", " + error.getDescription();
        }
        return OAuth2ErrorCodes.INVALID_REQUEST;
    }

    /** The client ID a request claims, from HTTP Basic or the client_id parameter; never the secret. */
    private static String claimedClientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return java.net.URLDecoder.decode(
                        colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return request.getParameter("client_id");
    }
}
