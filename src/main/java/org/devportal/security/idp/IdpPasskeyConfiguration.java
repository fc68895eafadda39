package org.devportal.security.idp;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.devportal.base.PortalProperties;
import org.devportal.security.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys at the built-in identity provider, with Spring Security's WebAuthn relying party: its endpoints
 * ({@code /webauthn/register/options}, {@code /webauthn/register}, {@code /webauthn/authenticate/options},
 * {@code /login/webauthn}) work on the provider's sign-in, not the portal's, and a passkey is a second factor
 * only: it confirms the account whose password was checked in this session, and never signs anyone in alone.
 * The relying party is the portal's host; only the portal's own origin may use the passkeys.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.idp", name = "enabled", havingValue = "true", matchIfMissing = true)
class IdpPasskeyConfiguration {

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            PortalProperties portal) {
        URI base = portal.baseUrl();
        String origin = base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
        return new Webauthn4JRelyingPartyOperations(
                userEntities,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(base.getHost())
                        .name("Developer Portal")
                        .build(),
                java.util.Set.of(origin));
    }

    @Bean
    @Order(3)
    SecurityFilterChain idpPasskeyFilterChain(
            HttpSecurity http,
            WebAuthnRelyingPartyOperations relyingParty,
            AccountService accounts,
            IdpAccountSessions sessions,
            ObjectProvider<SecurityContextHolderStrategy> contextStrategy,
            Clock clock)
            throws Exception {
        // Spring Security's filter for the registration options reads the security context through the strategy
        // that is global when it is built, and offers no setter. Vaadin's strategy (a bean, which the other filter
        // chains use) becomes global only later; until then the filter would find nobody signed in and answer
        // 400. Making that strategy global first gives every filter of this chain the same one.
        contextStrategy.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        UserDetailsService byAccountId = accountId -> accounts.findById(parse(accountId))
                .map(account -> User.withUsername(account.getId().toString())
                        .password("")
                        .authorities(SignInMarkers.ACCOUNT)
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
        AuthenticationManager passkeys =
                new ProviderManager(new WebAuthnAuthenticationProvider(relyingParty, byAccountId));
        http.setSharedObject(UserDetailsService.class, byAccountId);
        http.securityMatcher(new OrRequestMatcher(pathPattern("/webauthn/**"), pathPattern("/login/webauthn")))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(pathPattern(HttpMethod.POST, "/webauthn/authenticate/options"))
                        .permitAll()
                        .requestMatchers(pathPattern(HttpMethod.POST, "/login/webauthn"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .webAuthn(webAuthn -> webAuthn.rpName("Developer Portal")
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(secondFactor(passkeys, clock));
                                filter.setSecurityContextRepository(IdpSecurityConfiguration.CONTEXT_REPOSITORY);
                                filter.setAuthenticationSuccessHandler((request, response, authentication) ->
                                        confirmed(response, IdpSession.continueUrl(request.getSession())));
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new HttpStatusEntryPoint(org.springframework.http.HttpStatus.UNAUTHORIZED)))
                .securityContext(
                        context -> context.securityContextRepository(IdpSecurityConfiguration.CONTEXT_REPOSITORY))
                .addFilterAfter(new IdpSessionCheckFilter(sessions), SecurityContextHolderFilter.class)
                .headers(SecurityHeaders.portalDefaults());
        return http.build();
    }

    /**
     * A passkey assertion that confirms the password sign-in of the same account in this session. The result is
     * that sign-in, marked with the passkey and the time: the ID token's {@code amr} and {@code auth_time}.
     */
    static AuthenticationManager secondFactor(AuthenticationManager passkeys, Clock clock) {
        return request -> {
            Authentication signIn = SecurityContextHolder.getContext().getAuthentication();
            if (!SignInMarkers.isAccount(signIn) || SignInMarkers.unverified(signIn)) {
                throw new BadCredentialsException("Sign in with your password first");
            }
            Authentication passkey = passkeys.authenticate(request);
            if (!signIn.getName().equals(passkey.getName())) {
                throw new BadCredentialsException("This passkey belongs to another account");
            }
            return SignInMarkers.withSecondFactor(signIn, SignInMarkers.SecondFactorMethod.HWK, clock.instant());
        };
    }

    private static void confirmed(HttpServletResponse response, String continueUrl) throws java.io.IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String url = continueUrl.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\"" + url + "\"}");
    }

    private static UUID parse(String accountId) {
        try {
            return UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("Unknown account");
        }
    }
}
