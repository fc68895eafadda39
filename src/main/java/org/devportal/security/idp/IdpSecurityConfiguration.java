package org.devportal.security.idp;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devportal.base.DevelopmentSecret;
import org.devportal.base.PortalProperties;
import org.devportal.security.AccountSessions;
import org.devportal.security.Role;
import org.devportal.security.SecurityHeaders;
import org.devportal.security.SecurityProperties;
import org.devportal.security.SignIns;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * The built-in identity provider: an OpenID Provider at {@code {base}/idp}, and the portal's client
 * registration with it.
 * <p>
 * The provider shares the servlet session with the portal, so it keeps its own sign-in in a separate session
 * attribute, and its own saved request: signing in to the provider and signing in to the portal stay two steps,
 * exactly as they are with an external provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.idp", name = "enabled", havingValue = "true", matchIfMissing = true)
class IdpSecurityConfiguration {

    static final String ISSUER_PATH = "/idp";
    static final String PORTAL_CLIENT_ID = "portal";

    /** Only in effect while the built-in provider is on: an external provider's secret is its own business. */
    static final DevelopmentSecret CLIENT_SECRET = new DevelopmentSecret(
            "PORTAL_IDP_CLIENT_SECRET", "the portal's client secret at its built-in identity provider");

    static final HttpSessionSecurityContextRepository CONTEXT_REPOSITORY = idpContextRepository();
    private static final HttpSessionRequestCache REQUEST_CACHE = idpRequestCache();

    /** The provider's protocol endpoints: authorize, token, JWKS, user info, discovery, logout. */
    @Bean
    @Order(1)
    SecurityFilterChain idpProtocolFilterChain(
            HttpSecurity http,
            InMemoryRegisteredClientRepository idpRegisteredClients,
            IdpAccountSessions sessions,
            JdbcTemplate jdbc,
            PasskeyService passkeys,
            java.time.Clock clock)
            throws Exception {
        // In the database, so that every node sees a code another node issued, and expired ones are cleaned up.
        JdbcOAuth2AuthorizationService authorizations = new JdbcOAuth2AuthorizationService(jdbc, idpRegisteredClients);
        http.oauth2AuthorizationServer(server -> {
            // Named explicitly: the platform's issuers have their own client repository and authorization store.
            server.registeredClientRepository(idpRegisteredClients)
                    .authorizationService(authorizations)
                    .authorizationServerSettings(authorizationServerSettings());
            http.securityMatcher(new AndRequestMatcher(pathPattern(ISSUER_PATH + "/**"), server.getEndpointsMatcher()));
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(AccountService.LOGIN_PATH)))
                .securityContext(context -> context.securityContextRepository(CONTEXT_REPOSITORY))
                .requestCache(cache -> cache.requestCache(REQUEST_CACHE))
                .addFilterAfter(new IdpSessionCheckFilter(sessions), SecurityContextHolderFilter.class)
                // After the session check, so that an ended sign-in never reaches it.
                .addFilterAfter(new SecondFactorGate(passkeys, clock), SecurityContextHolderFilter.class)
                .headers(SecurityHeaders.portalDefaults());
        return http.build();
    }

    /** The provider's pages (sign-in, sign-up, verification, reset) and the sign-in form's POST. */
    @Bean
    @Order(2)
    SecurityFilterChain idpPagesFilterChain(
            HttpSecurity http,
            AccountService accounts,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            MeterRegistry meters,
            IdpAccountSessions sessions)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new IdpUserDetailsService(accounts));
        passwords.setPasswordEncoder(passwordEncoder);
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setRequestCache(REQUEST_CACHE);
        http.securityMatcher(ISSUER_PATH + "/**")
                .authenticationManager(new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle)))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .formLogin(form -> form.loginPage(AccountService.LOGIN_PATH)
                        .loginProcessingUrl(AccountService.LOGIN_PATH)
                        .successHandler((request, response, authentication) -> {
                            SignIns.count(meters, SignIns.SUCCESS);
                            success.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler(new IdpLoginFailureHandler(meters)))
                .securityContext(context -> context.securityContextRepository(CONTEXT_REPOSITORY))
                .requestCache(cache -> cache.requestCache(REQUEST_CACHE))
                .addFilterAfter(new IdpSessionCheckFilter(sessions), SecurityContextHolderFilter.class)
                .headers(SecurityHeaders.portalDefaults());
        return http.build();
    }

    /** Each issuer lives under its own path: {@code {base}/idp} serves its endpoints below it. */
    static AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder()
                .multipleIssuersAllowed(true)
                .build();
    }

    @Bean
    InMemoryRegisteredClientRepository idpRegisteredClients(
            PortalProperties portal,
            IdpProperties properties,
            PasswordEncoder passwordEncoder,
            SecurityProperties security,
            Environment environment) {
        CLIENT_SECRET.requireConfigured(
                IdpProperties.DEVELOPMENT_CLIENT_SECRET.equals(properties.clientSecret()),
                environment.matchesProfiles(DevelopmentSecret.DEMO_PROFILE));
        RegisteredClient portalClient = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(PORTAL_CLIENT_ID.getBytes()).toString())
                .clientId(PORTAL_CLIENT_ID)
                .clientName("Developer Portal")
                .clientSecret(passwordEncoder.encode(properties.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(portal.url("/login/oauth2/code/" + security.registrationId()))
                .postLogoutRedirectUri(portal.url("/"))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .requireProofKey(true)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(portalClient);
    }

    /**
     * Puts the account's e-mail, name, roles and session epoch into the ID token, which is all the portal reads.
     * A code whose sign-in is older than the account's last password reset gets no ID token at all: the session
     * that asked for it has ended.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idpIdTokenClaims(
            AccountService accounts, SecurityProperties security, java.time.Clock clock) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            UUID accountId;
            try {
                accountId = UUID.fromString(context.getPrincipal().getName());
            } catch (IllegalArgumentException e) {
                return;
            }
            java.util.OptionalInt signedInWith = SignInMarkers.epochOf(context.getPrincipal());
            Account account = accounts.findById(accountId)
                    .filter(Account::emailVerified)
                    .filter(found -> signedInWith.isPresent() && found.sessionEpoch() == signedInWith.getAsInt())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_GRANT, "The sign-in has ended; sign in again", null)));
            context.getClaims()
                    .claim(AccountSessions.SESSION_EPOCH_CLAIM, account.sessionEpoch())
                    .claim("email", account.email())
                    .claim("email_verified", account.emailVerified())
                    .claim("name", account.displayName())
                    .claim(
                            security.rolesClaim(),
                            // An ArrayList: the authorization store reads the ID token's claims back with Spring
                            // Security's allowlisted Jackson types, and an immutable list is not one of them.
                            account.roles().stream()
                                    .map(Role::name)
                                    .sorted()
                                    .collect(Collectors.toCollection(ArrayList::new)));
            authenticationMethods(context, clock);
        };
    }

    /**
     * {@code amr} (RFC 8176) and {@code auth_time}, as an external provider writes them: {@code ["pwd"]} after the
     * password alone, {@code ["pwd", "hwk"]} after a passkey, {@code ["pwd", "otp"]} after a recovery code; the time
     * is that of the last factor passed. The portal's step-up policy reads exactly these two claims.
     */
    private static void authenticationMethods(JwtEncodingContext context, java.time.Clock clock) {
        ArrayList<String> methods = new ArrayList<>(List.of("pwd"));
        java.time.Instant authenticatedAt = context.getPrincipal().getAuthorities().stream()
                .filter(org.springframework.security.core.authority.FactorGrantedAuthority.class::isInstance)
                .map(org.springframework.security.core.authority.FactorGrantedAuthority.class::cast)
                .filter(factor ->
                        org.springframework.security.core.authority.FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(
                                factor.getAuthority()))
                .map(org.springframework.security.core.authority.FactorGrantedAuthority::getIssuedAt)
                .findFirst()
                .orElseGet(clock::instant);
        java.util.Optional<SignInMarkers.SecondFactorCheck> second =
                SignInMarkers.secondFactorOf(context.getPrincipal());
        if (second.isPresent()) {
            methods.add(second.get().method().amr());
            authenticatedAt = second.get().at();
        }
        // A Date, the type the authorization server itself writes here and reads back from its store.
        context.getClaims().claim("amr", methods).claim("auth_time", java.util.Date.from(authenticatedAt));
    }

    /** The portal's registration with the built-in provider; external providers come from Spring's properties. */
    @Bean
    ClientRegistrationRepository portalClientRegistrations(
            PortalProperties portal, IdpProperties properties, SecurityProperties security) {
        String issuer = portal.url(ISSUER_PATH);
        ClientRegistration registration = ClientRegistration.withRegistrationId(security.registrationId())
                .clientName("Developer Portal")
                .clientId(PORTAL_CLIENT_ID)
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(portal.url("/login/oauth2/code/" + security.registrationId()))
                .scope(List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL))
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    private static HttpSessionSecurityContextRepository idpContextRepository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(IdpSession.CONTEXT_ATTRIBUTE);
        return repository;
    }

    private static HttpSessionRequestCache idpRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName("PORTAL_IDP_SAVED_REQUEST");
        return cache;
    }
}
