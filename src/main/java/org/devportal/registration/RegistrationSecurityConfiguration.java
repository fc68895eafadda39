package org.devportal.registration;

import org.devportal.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The filter chain of the registration API. It is for machines: stateless, no session, no CSRF token (no cookie
 * authenticates anything here), and no sign-in redirect. Spring Security lets every request through, because the
 * bearer tokens are checked by {@link ClientRegistrationService} in the same transaction as the change they
 * authorise, which is what makes a token's last use count exactly once.
 *
 * <p>It comes before the portal's own chain (order 10), which would send these requests to the sign-in page, and
 * after the identity provider's (1 and 2), whose paths it does not share.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain registrationFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        ClientRegistrationEndpoint.PATH,
                        ClientRegistrationEndpoint.PATH + "/**",
                        ClientRegistrationEndpoint.PRODUCTION_PATH,
                        ClientRegistrationEndpoint.PRODUCTION_PATH + "/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(SecurityHeaders.portalDefaults())
                // RFC 7591 §3.2.1: responses with credentials must not be cached. Every response here says so.
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                        .addHeaderWriter(new StaticHeadersWriter("Pragma", "no-cache")));
        return http.build();
    }
}
