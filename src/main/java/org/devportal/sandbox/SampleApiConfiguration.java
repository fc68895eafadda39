package org.devportal.sandbox;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devportal.base.Environment;
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
 * looked up in the issuer's own authorization store, through {@link TokenIntrospection}; a token of one issuer is
 * not valid at the other. Failures answer 401 or 403 with RFC 6750 {@code WWW-Authenticate} error codes.
 */
@Configuration(proxyBeanMethods = false)
class SampleApiConfiguration {

    static final String VENDORS_SCOPE = "vendors:read";

    /** The principal's attribute with the sandbox company the token acts for. */
    static final String COMPANY_ATTRIBUTE = "company_id";

    /** The issuers' addresses below the portal's base URL; the sample API answers below each. */
    private static final String SANDBOX_PATH = "/sandbox";

    private static final String PRODUCTION_PATH = "/production";

    @Bean
    @Order(5)
    SecurityFilterChain sampleApiFilterChain(HttpSecurity http, TokenIntrospection tokens) throws Exception {
        Map<Environment, AuthenticationManager> managers = new LinkedHashMap<>();
        for (Environment issuer : Environment.values()) {
            managers.put(
                    issuer, new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector(tokens, issuer))));
        }
        AuthenticationManagerResolver<HttpServletRequest> resolver =
                request -> managers.get(issuerOf(request.getRequestURI()));
        http.securityMatcher(SANDBOX_PATH + "/api/**", PRODUCTION_PATH + "/api/**")
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

    /** The issuer of a request path below one; the filter chain sees only paths below the two issuers. */
    private static Environment issuerOf(String path) {
        return path.equals(SANDBOX_PATH) || path.startsWith(SANDBOX_PATH + "/")
                ? Environment.SANDBOX
                : Environment.PRODUCTION;
    }

    private static OpaqueTokenIntrospector introspector(TokenIntrospection tokens, Environment issuer) {
        return token -> {
            Optional<IntrospectedToken> found = tokens.introspect(token, issuer);
            if (found.isEmpty()) {
                throw new BadOpaqueTokenException("The access token is not valid at this issuer, or has expired");
            }
            IntrospectedToken active = found.get();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("sub", active.subject());
            attributes.put("client_id", active.clientId());
            attributes.put("scope", List.copyOf(active.scopes()));
            attributes.put("exp", active.expiresAt());
            if (active.companyId() != null) {
                attributes.put(COMPANY_ATTRIBUTE, active.companyId().toString());
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
