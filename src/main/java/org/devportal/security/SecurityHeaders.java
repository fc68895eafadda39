package org.devportal.security;

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
     * The consent page posts its form to the issuer, which answers with a redirect to the client's redirect URI,
     * and browsers check {@code form-action} against that redirect too. Registered redirect URIs are https, or
     * http on loopback in the sandbox; the server has already matched the redirect URI exactly.
     */
    static final String CONSENT_CONTENT_SECURITY_POLICY =
            policy("form-action 'self' https: http://localhost:* http://127.0.0.1:*");

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
