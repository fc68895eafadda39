package org.devportal.security;

import java.util.List;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every filter chain sets. The content security policy is as strict as Vaadin allows:
 * Vaadin's client engine needs inline styles and, for its bootstrap, inline scripts and eval.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = policy("form-action 'self'");

    /**
     * Where the consent page's form may lead: it posts to the issuer, which answers with a redirect to the client's
     * redirect URI, and browsers check {@code form-action} against that redirect too. Registered redirect URIs are
     * https, or http on a loopback host in the sandbox; the server has already matched the redirect URI exactly.
     * The host-source grammar of CSP has no IPv6 literals (Chromium ignores {@code http://[::1]:*} as an invalid
     * source), so {@code http://[::1]} cannot be listed: for it the issuer answers the form post with a page that
     * navigates on instead of a redirect (see {@link #consentFormMayReach(String)}).
     */
    private static final List<String> CONSENT_FORM_TARGETS =
            List.of("https:", "http://localhost:*", "http://127.0.0.1:*");

    static final String CONSENT_CONTENT_SECURITY_POLICY =
            policy("form-action 'self' " + String.join(" ", CONSENT_FORM_TARGETS));

    /** Pages whose forms leave the portal; only the consent page does. */
    public static final String CONSENT_PATH = "/consent";

    private static String policy(String formAction) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' ws: wss:",
                "object-src 'none'",
                "base-uri 'self'",
                formAction,
                "frame-ancestors 'none'");
    }

    private SecurityHeaders() {}

    /**
     * Whether the consent page's {@code form-action} lets its form post end in a redirect to this absolute URL: any
     * https URL, or http on {@code localhost} or {@code 127.0.0.1} with any port.
     */
    public static boolean consentFormMayReach(String url) {
        for (String target : CONSENT_FORM_TARGETS) {
            if (target.endsWith(":*")) {
                String origin = target.substring(0, target.length() - 2);
                if (url.startsWith(origin)
                        && (url.length() == origin.length() || ":/?#".indexOf(url.charAt(origin.length())) >= 0)) {
                    return true;
                }
            } else if (url.regionMatches(true, 0, target + "//", 0, target.length() + 2)) {
                return true;
            }
        }
        return false;
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> portalDefaults() {
        // Written before the request is handled: Vaadin's page responses would otherwise go out without them.
        return headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .addHeaderWriter((request, response) -> response.setHeader(
                        "Content-Security-Policy",
                        CONSENT_PATH.equals(request.getRequestURI())
                                ? CONSENT_CONTENT_SECURITY_POLICY
                                : CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                // Sent on https requests only, as the standard requires.
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
