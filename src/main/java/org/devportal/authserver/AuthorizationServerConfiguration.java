package org.devportal.authserver;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.time.Clock;
import java.util.List;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ScopeCatalogue;
import org.devportal.credentials.CredentialService;
import org.devportal.sandbox.SandboxCompanies;
import org.devportal.security.SecurityHeaders;
import org.devportal.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.CorsFilter;

/**
 * The sandbox and production issuers: one Spring Authorization Server filter chain for both, each issuer
 * recognised by its path. End users sign in with their portal session, and consent on the portal's consent page.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String AUTHORIZATION_ENDPOINT = "/oauth/authorize";
    static final String TOKEN_ENDPOINT = "/oauth/token";
    static final String INTROSPECTION_ENDPOINT = "/oauth/introspect";
    static final String REVOCATION_ENDPOINT = "/oauth/revoke";
    static final String REGISTRATION_ENDPOINT = "/oauth/register";
    static final String METADATA = "/.well-known/oauth-authorization-server";

    /**
     * The same endpoints at both issuers, in the platform's shape (docs/client-rules.md, authorization flow and
     * tokens).
     */
    static AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder()
                .multipleIssuersAllowed(true)
                .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
                .tokenEndpoint(TOKEN_ENDPOINT)
                .tokenIntrospectionEndpoint(INTROSPECTION_ENDPOINT)
                .tokenRevocationEndpoint(REVOCATION_ENDPOINT)
                .jwkSetEndpoint("/oauth/jwks")
                .pushedAuthorizationRequestEndpoint("/oauth/par")
                .oidcUserInfoEndpoint("/oauth/userinfo")
                .oidcLogoutEndpoint("/oauth/logout")
                .oidcClientRegistrationEndpoint("/oauth/oidc-register")
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain platformIssuersFilterChain(
            HttpSecurity http,
            PlatformClients clients,
            AuthorizationStore store,
            CredentialService credentials,
            SandboxCompanies companies,
            GrantAudit audit,
            PortalProperties portal,
            SecurityProperties security,
            ScopeCatalogue catalogue,
            ClientDirectory directory,
            PlatformTransactionManager transactionManager,
            AuthorizationServerProperties properties,
            Clock clock)
            throws Exception {
        GrantLimits limits = new GrantLimits(properties, clock);
        AuthorizationResponses authorizationResponses = new AuthorizationResponses(clients, audit, portal);
        TokenResponses tokenResponses = new TokenResponses(clients, audit);
        OAuth2AccessTokenGenerator accessTokens = new OAuth2AccessTokenGenerator();
        accessTokens.setAccessTokenCustomizer(new TokenSubjects(companies, portal));
        OAuth2TokenGenerator<?> tokens =
                new DelegatingOAuth2TokenGenerator(accessTokens, new RotatingRefreshTokens(limits));
        http.oauth2AuthorizationServer(server -> {
            // One path per issuer: Spring Authorization Server would also serve {issuer}/anything/oauth/token,
            // with an issuer of {issuer}/anything; only the issuers' own endpoints and documents reach it.
            http.securityMatcher(new AndRequestMatcher(
                    new OrRequestMatcher(
                            pathPattern(Issuer.SANDBOX.path() + "/oauth/*"),
                            pathPattern(Issuer.PRODUCTION.path() + "/oauth/*"),
                            pathPattern(Issuer.SANDBOX.path() + "/.well-known/*"),
                            pathPattern(Issuer.PRODUCTION.path() + "/.well-known/*"),
                            // RFC 8414 §3 puts the metadata of an issuer with a path after the well-known name.
                            pathPattern(METADATA + Issuer.SANDBOX.path()),
                            pathPattern(METADATA + Issuer.PRODUCTION.path())),
                    new OrRequestMatcher(server.getEndpointsMatcher(), IssuerCors.PREFLIGHTS)));
            server.registeredClientRepository(clients)
                    .authorizationService(store)
                    .authorizationConsentService(new ConsentIsNeverRemembered())
                    .authorizationServerSettings(settings())
                    .tokenGenerator(tokens)
                    .authorizationEndpoint(endpoint -> endpoint.consentPage(SecurityHeaders.CONSENT_PATH)
                            .authorizationResponseHandler(authorizationResponses::success)
                            .errorResponseHandler(authorizationResponses::failure)
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider requests) {
                                    requests.setAuthenticationValidator(new AuthorizationRequestRules());
                                }
                                if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consents) {
                                    consents.setAuthorizationConsentCustomizer(new ConsentRules(companies));
                                }
                            })))
                    .clientAuthentication(authentication -> authentication
                            .authenticationConverter(new PublicClientIdAuthentication.Converter())
                            .authenticationProviders(providers -> {
                                providers.forEach(provider -> {
                                    if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                                        secrets.setPasswordEncoder(new SecretCheck(credentials));
                                    }
                                });
                                providers.addFirst(new PublicClientIdAuthentication.Provider(clients));
                            })
                            .errorResponseHandler(tokenResponses::clientAuthenticationFailure))
                    .tokenEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                                    providers.replaceAll(provider -> new SuspendedClients(
                                            switch (provider) {
                                                case OAuth2RefreshTokenAuthenticationProvider refresh ->
                                                    new RefreshTokenReuseDetection(refresh, store, audit, limits);
                                                case OAuth2AuthorizationCodeAuthenticationProvider code ->
                                                    new CodeRedemption(code, store, audit);
                                                default -> provider;
                                            })))
                            .accessTokenResponseHandler(tokenResponses::success)
                            .errorResponseHandler(tokenResponses::failure))
                    .tokenIntrospectionEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                                    providers.replaceAll(provider -> new TokenIntrospectionRules(provider, store)))
                            .errorResponseHandler(tokenResponses::clientAuthenticationFailure))
                    .tokenRevocationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> {
                        providers.clear();
                        providers.add(new TokenRevocation(store, audit));
                    }))
                    .authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                            builder -> builder.claims(claims -> IssuerMetadata.apply(claims, catalogue))))
                    .oidc(oidc -> oidc.providerConfigurationEndpoint(
                            configuration -> configuration.providerConfigurationCustomizer(
                                    builder -> builder.claims(claims -> IssuerMetadata.apply(claims, catalogue)))));
        });
        http.cors(cors -> cors.configurationSource(new IssuerCors(directory)))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // After CORS, so that a browser client can read why its request was refused.
                .addFilterAfter(new SingleValuedParameters(), CorsFilter.class)
                .addFilterAfter(new CodeVerifierFormat(), SingleValuedParameters.class)
                .addFilterAfter(new TokenRequestTransaction(transactionManager), SecurityContextHolderFilter.class)
                // Only people reach the authorization endpoint; they sign in with their portal session first.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + security.registrationId()),
                        pathPattern("/*" + AUTHORIZATION_ENDPOINT)))
                .headers(SecurityHeaders.portalDefaults());
        return http.build();
    }

    /** Each authorization asks the user again: consent is the moment the sandbox company is chosen and shown. */
    private static final class ConsentIsNeverRemembered implements OAuth2AuthorizationConsentService {
        @Override
        public void save(OAuth2AuthorizationConsent authorizationConsent) {}

        @Override
        public void remove(OAuth2AuthorizationConsent authorizationConsent) {}

        @Override
        public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
            return null;
        }
    }

    static final List<String> GRANT_TYPES = List.of(
            AuthorizationGrantType.AUTHORIZATION_CODE.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue());
    static final List<String> CLIENT_AUTHENTICATION_METHODS = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(), ClientAuthenticationMethod.NONE.getValue());
}
