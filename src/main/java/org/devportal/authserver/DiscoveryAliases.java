package org.devportal.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * RFC 8414 places an issuer's metadata at {@code /.well-known/oauth-authorization-server/sandbox}; many clients
 * look for it below the issuer instead, as OpenID Connect does. Both addresses answer: the second is read as the
 * first before any filter chain sees it.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryAliases {

    private static final String WELL_KNOWN = "/.well-known/oauth-authorization-server";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> issuerMetadataAlias() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return !request.getRequestURI().endsWith(WELL_KNOWN);
                    }

                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String issuerPath = request.getRequestURI()
                                .substring(0, request.getRequestURI().length() - WELL_KNOWN.length());
                        if (Issuer.of(issuerPath)
                                .filter(issuer -> issuer.path().equals(issuerPath))
                                .isEmpty()) {
                            chain.doFilter(request, response);
                            return;
                        }
                        HttpServletRequest alias = new HttpServletRequestWrapper(request) {
                            @Override
                            public String getRequestURI() {
                                return WELL_KNOWN + issuerPath;
                            }

                            @Override
                            public StringBuffer getRequestURL() {
                                StringBuffer url = new StringBuffer(super.getRequestURL());
                                url.setLength(
                                        url.length() - request.getRequestURI().length());
                                return url.append(WELL_KNOWN).append(issuerPath);
                            }

                            @Override
                            public String getServletPath() {
                                return WELL_KNOWN + issuerPath;
                            }
                        };
                        // Path matchers read a parsed path cached on the request; parse the alias's path instead.
                        ServletRequestPathUtils.parseAndCache(alias);
                        chain.doFilter(alias, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(Issuer.SANDBOX.path() + WELL_KNOWN, Issuer.PRODUCTION.path() + WELL_KNOWN);
        return registration;
    }
}
