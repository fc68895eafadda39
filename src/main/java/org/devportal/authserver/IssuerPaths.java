package org.devportal.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One path per issuer. With several issuers, Spring Authorization Server takes whatever precedes an endpoint's
 * path for the issuer, so {@code /sandbox/anything/oauth/token} would answer with {@code iss} {@code
 * {base}/sandbox/anything}. The issuers' filter chain only matches their own endpoints; this answers every stray
 * look-alike with 404 before any chain, so that it neither reaches another chain's sign-in nor looks like an
 * issuer; so are the endpoints the issuers do not offer ({@link AuthorizationServerConfiguration#UNSERVED_ENDPOINTS}).
 */
@Configuration(proxyBeanMethods = false)
class IssuerPaths {

    /** An endpoint the issuers do not offer, though Spring Authorization Server knows it. */
    static boolean isUnservedEndpoint(String path) {
        for (Issuer issuer : Issuer.values()) {
            for (String endpoint : AuthorizationServerConfiguration.UNSERVED_ENDPOINTS) {
                if (path.equals(issuer.path() + endpoint)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> strayIssuerPaths() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        String path = request.getRequestURI();
                        return !Issuer.isStrayEndpointPath(path) && !isUnservedEndpoint(path);
                    }

                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                        response.setHeader("Cache-Control", "no-store");
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(Issuer.SANDBOX.path() + "/*", Issuer.PRODUCTION.path() + "/*", "/.well-known/*");
        return registration;
    }
}
