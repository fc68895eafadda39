package org.devportal.authserver;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devportal.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resource side of each issuer: the sample platform API at {@code {issuer}/api/v1/**}. Bearer tokens are
 * looked up in the issuer's own authorization store; a token of one issuer is not valid at the other. Failures
 * answer 401 or 403 with RFC 6750 {@code WWW-Authenticate} error codes.
 */
@Configuration(proxyBeanMethods = false)
class SampleApiConfiguration {

    static final String VENDORS_SCOPE = "vendors:read";

    @Bean
    @Order(5)
    SecurityFilterChain sampleApiFilterChain(HttpSecurity http, AuthorizationStore store) throws Exception {
        Map<Issuer, AuthenticationManager> managers = new LinkedHashMap<>();
        for (Issuer issuer : Issuer.values()) {
            managers.put(
                    issuer, new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector(store, issuer))));
        }
        AuthenticationManagerResolver<HttpServletRequest> resolver =
                request -> managers.get(Issuer.of(request.getRequestURI()).orElse(Issuer.PRODUCTION));
        http.securityMatcher(Issuer.SANDBOX.path() + "/api/**", Issuer.PRODUCTION.path() + "/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(pathPattern("/*/api/v1/vendors"))
                        .hasAuthority("SCOPE_" + VENDORS_SCOPE)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(resolver))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.portalDefaults());
        return http.build();
    }

    private static OpaqueTokenIntrospector introspector(AuthorizationStore store, Issuer issuer) {
        return token -> {
            Optional<AuthorizationStore.ActiveToken> found =
                    store.activeAccessToken(token).filter(active -> active.issuer() == issuer);
            if (found.isEmpty()) {
                throw new BadOpaqueTokenException("The access token is not valid at this issuer, or has expired");
            }
            AuthorizationStore.ActiveToken active = found.get();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("sub", active.subject());
            attributes.put("client_id", active.clientId());
            attributes.put("scope", List.copyOf(active.scopes()));
            attributes.put("exp", active.expiresAt());
            if (active.companyId() != null) {
                attributes.put(
                        AuthorizationStore.COMPANY_CLAIM, active.companyId().toString());
            }
            List<GrantedAuthority> authorities = active.scopes().stream()
                    .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
                    .toList();
            OAuth2AuthenticatedPrincipal principal =
                    new DefaultOAuth2AuthenticatedPrincipal(active.subject(), attributes, authorities);
            return principal;
        };
    }
}
