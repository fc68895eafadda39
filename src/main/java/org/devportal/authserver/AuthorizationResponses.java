package org.devportal.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.devportal.base.PortalProperties;
import org.devportal.security.SecurityHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What the authorization endpoint answers. A success or an error the client can handle goes back to the verified
 * redirect URI with {@code state} unchanged and the issuer in {@code iss} (RFC 9207). An error that has no
 * trustworthy redirect URI (an unknown client, a missing or unregistered {@code redirect_uri}, a malformed request)
 * is a page for the person in the browser, never a redirect.
 *
 * <p>Before the user has signed in, an error goes back to the client only at the production issuer, whose clients
 * and redirect URIs a reviewer has approved. Anyone can register a sandbox client with any https redirect URI, so a
 * sandbox error redirect before sign-in would be an open redirector (RFC 9700 §4.11.2): the sandbox shows the error
 * page instead. Once the user has signed in, errors go back to the client as RFC 6749 §4.1.2.1 says.
 */
final class AuthorizationResponses {

    private static final String UNTRUSTED_REQUEST =
            "You were not sent back to the application, because the request could not be trusted.";
    private static final String NOT_SIGNED_IN = "You were not sent back to the application: before you sign in, errors "
            + "go back only to applications that have been reviewed for production.";

    private final PlatformClients clients;
    private final GrantAudit audit;
    private final PortalProperties portal;

    AuthorizationResponses(PlatformClients clients, GrantAudit audit, PortalProperties portal) {
        this.clients = clients;
        this.audit = audit;
        this.portal = portal;
    }

    void success(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationToken result =
                (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
                .queryParam("code", result.getAuthorizationCode().getTokenValue());
        addStateAndIssuer(uri, result.getState());
        audit.record(
                clients.findByClientId(result.getClientId()),
                GrantRecorded.Action.AUTHORIZED,
                result.getScopes(),
                null,
                (Authentication) result.getPrincipal());
        redirect(request, response, uri);
    }

    void failure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        OAuth2Error error = ErrorDescriptions.authorization(
                exception instanceof OAuth2AuthenticationException oauth
                        ? oauth.getError()
                        : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST),
                request::getParameterValues);
        OAuth2AuthorizationCodeRequestAuthenticationToken attempt =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException e
                        ? e.getAuthorizationCodeRequestAuthentication()
                        : null;
        RegisteredClient client =
                attempt == null || attempt.getClientId() == null ? null : clients.findByClientId(attempt.getClientId());
        Authentication user = attempt != null
                        && attempt.getPrincipal() instanceof Authentication a
                        && a.isAuthenticated()
                        && !(a instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                ? a
                : null;
        boolean denied = OAuth2ErrorCodes.ACCESS_DENIED.equals(error.getErrorCode());
        audit.record(
                client,
                denied ? GrantRecorded.Action.DENIED : GrantRecorded.Action.REQUEST_REFUSED,
                attempt == null ? Set.of() : attempt.getScopes(),
                describe(error),
                user);
        if (attempt == null
                || attempt.getRedirectUri() == null
                || attempt.getRedirectUri().isEmpty()) {
            errorPage(response, error, client, attempt, UNTRUSTED_REQUEST);
            return;
        }
        if (user == null && PlatformClients.currentIssuer().orElse(Issuer.SANDBOX) != Issuer.PRODUCTION) {
            errorPage(response, error, client, attempt, NOT_SIGNED_IN);
            return;
        }
        UriComponentsBuilder uri =
                UriComponentsBuilder.fromUriString(attempt.getRedirectUri()).queryParam("error", error.getErrorCode());
        if (error.getDescription() != null) {
            uri.queryParam("error_description", UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
        }
        addStateAndIssuer(uri, attempt.getState());
        redirect(request, response, uri);
    }

    private static void addStateAndIssuer(UriComponentsBuilder uri, String state) {
        if (state != null && !state.isEmpty()) {
            uri.queryParam("state", UriUtils.encode(state, StandardCharsets.UTF_8));
        }
        uri.queryParam(
                "iss",
                UriUtils.encode(AuthorizationServerContextHolder.getContext().getIssuer(), StandardCharsets.UTF_8));
    }

    /**
     * A 302 to the client, except where the consent page's form posted the answer and its content security policy
     * cannot name the target: browsers check {@code form-action} against the redirects that follow a form post too,
     * and the policy's grammar has no way to write an IPv6 literal such as {@code http://[::1]:*}. There a small page
     * takes the browser on instead, by a plain navigation, which {@code form-action} does not govern.
     */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, UriComponentsBuilder uri)
            throws IOException {
        String location = uri.build(true).toUriString();
        response.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(request.getMethod()) || SecurityHeaders.consentFormMayReach(location)) {
            response.setStatus(HttpStatus.FOUND.value());
            response.setHeader("Location", location);
            return;
        }
        String target = HtmlUtils.htmlEscape(location);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=%s">
                <title>Back to the application</title></head>
                <body><p id="continue-to-client">Going back to the application. If nothing happens,
                <a href="%s">continue</a>.</p></body></html>
                """.formatted(target, target));
    }

    private static String describe(OAuth2Error error) {
        return error.getDescription() == null
                ? error.getErrorCode()
                : error.getErrorCode() + ": " + error.getDescription();
    }

    private void errorPage(
            HttpServletResponse response,
            OAuth2Error error,
            RegisteredClient client,
            OAuth2AuthorizationCodeRequestAuthenticationToken attempt,
            String why)
            throws IOException {
        String problem;
        if (attempt != null
                && attempt.getClientId() != null
                && !attempt.getClientId().isEmpty()
                && client == null) {
            problem = "This issuer knows no client with the ID " + attempt.getClientId()
                    + ". Check the client_id, and that you are using the right issuer: sandbox client IDs work only at "
                    + "the sandbox issuer, production client IDs only at the production issuer, and only once approved.";
        } else {
            problem = error.getDescription() == null
                    ? "The request is not valid (" + error.getErrorCode() + ")."
                    : error.getDescription();
        }
        String sent = attempt == null
                        || attempt.getRedirectUri() == null
                        || attempt.getRedirectUri().isEmpty()
                ? ""
                : "<p>The request sent <code>redirect_uri=" + HtmlUtils.htmlEscape(attempt.getRedirectUri())
                        + "</code></p>";
        String clientLine = client == null
                ? ""
                : "<p>Client: <strong>" + HtmlUtils.htmlEscape(client.getClientName()) + "</strong></p>";
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Authorization request refused</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f7fa;color:#1a2433;margin:0}
                main{max-width:36rem;margin:4rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
                h1{font-size:1.4rem;margin-top:0} code{background:#eef1f5;padding:.1rem .3rem;border-radius:4px;word-break:break-all}
                .error{color:#b3261e;font-weight:600} a{color:#1565c0}
                </style></head><body><main id="authorization-error">
                <h1>%s cannot continue this sign-in</h1>
                <p class="error">%s</p>
                %s%s
                <p>Error code: <code id="error-code">%s</code>. %s If you are the application's developer, fix the
                request; otherwise, close this page and tell the application's support.</p>
                <p><a href="%s">Go to the developer portal</a></p>
                </main></body></html>
                """.formatted(
                        HtmlUtils.htmlEscape(portal.platformName()),
                        HtmlUtils.htmlEscape(problem),
                        clientLine,
                        sent,
                        HtmlUtils.htmlEscape(error.getErrorCode()),
                        HtmlUtils.htmlEscape(why),
                        HtmlUtils.htmlEscape(portal.url("/"))));
    }
}
