package org.devportal.operations;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The actuator's chain. Its endpoints live on the management port ({@code management.server.port}), which is kept
 * on the internal network, and {@link EndpointRequest} matches only requests that arrive there: on the main port
 * the one thing served is {@link MainPortHealth}'s readiness status. Neither needs a session or a sign-in.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(
                        EndpointRequest.toAnyEndpoint(),
                        PathPatternRequestMatcher.withDefaults().matcher(MainPortHealth.PATH)))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
