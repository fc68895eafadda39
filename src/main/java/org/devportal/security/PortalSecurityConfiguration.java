package org.devportal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The portal's own filter chain: every view needs a signed-in user, who signs in through OIDC.
 * It runs after the built-in identity provider's chains, which own {@code /idp/**}.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    /** Where a failed OIDC callback lands: a page that explains and offers to try again. */
    static final String SIGN_IN_ERROR_PATH = "/signin-error";

    @Bean
    @Order(10)
    SecurityFilterChain portalFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            GrantedAuthoritiesMapper portalRolesMapper,
            MeterRegistry meters,
            ObjectProvider<AccountSessions> accountSessions,
            ClientRegistrationRepository registrations)
            throws Exception {
        // Error pages render for everyone, so a failed request never turns into a second, different failure.
        http.authorizeHttpRequests(authorize -> authorize
                .dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                // Logos appear on public consent pages and in the app catalogue.
                .requestMatchers("/logos/**")
                .permitAll()
                // Browsers ask for the icon on every page, the sign-in pages included.
                .requestMatchers("/favicon.ico")
                .permitAll());
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.oauth2LoginPage("/oauth2/authorization/" + properties.registrationId(), "{baseUrl}/")
                        // Unknown paths reach Vaadin's router, which shows "not found", instead of a bare 403.
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        http.oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                        new StepUpAuthorizationRequests(registrations, properties)))
                .failureHandler(new SignInFailureHandler(SIGN_IN_ERROR_PATH, meters))
                .userInfoEndpoint(
                        userInfo -> userInfo.oidcUserService(new VerifiedAddressOidcUserService(new OidcUserService()))
                                .userAuthoritiesMapper(portalRolesMapper)));
        accountSessions.ifAvailable(sessions ->
                http.addFilterAfter(new SessionCheckFilter(sessions, properties), SecurityContextHolderFilter.class));
        http.headers(SecurityHeaders.portalDefaults());
        return http.build();
    }

    /**
     * No observations of Spring Security's own: they wrap every filter, authentication and authorization of every
     * request in a timer and a span, which cost about a tenth of a token request. The portal's own meters
     * (README, "Metrics") cover what operators watch: token requests by outcome, sign-ins and refusals.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Ends sessions past their absolute lifetime before any filter chain reads them. */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SecurityProperties properties, Clock clock) {
        FilterRegistrationBean<SessionLifetimeFilter> registration =
                new FilterRegistrationBean<>(new SessionLifetimeFilter(properties.sessionLifetime(), clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    GrantedAuthoritiesMapper portalRolesMapper(SecurityProperties properties) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    ClaimRoles.from(oidc.getIdToken().getClaims(), properties)
                            .forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
                }
            }
            return mapped;
        };
    }
}
