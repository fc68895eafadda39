package org.devportal.authserver;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ScopeCatalogue;
import org.devportal.credentials.CredentialService;
import org.devportal.sandbox.SandboxCompanies;
import org.devportal.security.SecurityHeaders;
import org.devportal.security.SecurityProperties;
import org.devportal.security.SigningKeyRing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.ObjectMapper;

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
    static final String USERINFO_ENDPOINT = "/oauth/userinfo";
    static final String JWKS_ENDPOINT = "/oauth/jwks";

    /**
     * Endpoints Spring Authorization Server would serve, or that its settings name, which the issuers do not offer:
     * RP-initiated logout (the issuers keep no session of their own to end), pushed authorization requests, and
     * OpenID Connect dynamic registration (the sandbox has its own registration API). They answer 404, like any
     * other path that is not an endpoint, and discovery does not name them.
     */
    static final List<String> UNSERVED_ENDPOINTS = List.of("/oauth/logout", "/oauth/par", "/oauth/oidc-register");

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
                .jwkSetEndpoint(JWKS_ENDPOINT)
                .pushedAuthorizationRequestEndpoint(UNSERVED_ENDPOINTS.get(1))
                .oidcUserInfoEndpoint(USERINFO_ENDPOINT)
                .oidcLogoutEndpoint(UNSERVED_ENDPOINTS.get(0))
                .oidcClientRegistrationEndpoint(UNSERVED_ENDPOINTS.get(2))
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
            ObjectMapper json,
            SigningKeyRing signingKeys,
            Clock clock)
            throws Exception {
        GrantLimits limits = new GrantLimits(properties, clock);
        TokenRequestTransaction transaction = new TokenRequestTransaction(transactionManager);
        AuthorizationResponses authorizationResponses = new AuthorizationResponses(clients, audit, portal);
        TokenResponses tokenResponses = new TokenResponses(clients, audit);
        OAuth2AccessTokenGenerator accessTokens = new OAuth2AccessTokenGenerator();
        accessTokens.setAccessTokenCustomizer(new TokenSubjects(companies, portal));
        // ID tokens are JWTs signed with the issuers' own key, which they publish at /oauth/jwks (Spring Authorization
        // Server's JWK set endpoint reads the chain's shared JWKSource); access tokens stay opaque. Not the identity
        // provider's key: that provider takes JWTs signed with its key as bearer tokens, and an ID token partners
        // hold must never be one there. Stored once for every node, so any node's JWKS verifies any node's tokens.
        JWKSource<SecurityContext> keys = signingKeys.keys(SigningKeyRing.ISSUERS);
        http.setSharedObject(JWKSource.class, keys);
        JwtGenerator idTokens = new JwtGenerator(new NimbusJwtEncoder(keys));
        idTokens.setJwtCustomizer(new IdTokenClaims());
        idTokens.setClock(clock);
        OAuth2TokenGenerator<?> tokens =
                new DelegatingOAuth2TokenGenerator(idTokens, accessTokens, new RotatingRefreshTokens(limits));
        UserInfoEndpoint userInfo = new UserInfoEndpoint(store, json);
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
                                    // Spring skips consent for a request of openid alone; the platform never does:
                                    // consent is where team membership is checked and the company chosen.
                                    requests.setAuthorizationConsentRequired(context -> true);
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
                            builder -> builder.claims(claims -> IssuerMetadata.apply(
                                    claims, IssuerMetadata.scopes(catalogue), IssuerMetadata.Document.OAUTH))))
                    .oidc(oidc -> oidc.providerConfigurationEndpoint(configuration ->
                                    configuration.providerConfigurationCustomizer(
                                            builder -> builder.claims(claims -> IssuerMetadata.apply(
                                                    claims,
                                                    IssuerMetadata.scopes(catalogue),
                                                    IssuerMetadata.Document.OPENID))))
                            .userInfoEndpoint(endpoint -> endpoint.userInfoRequestConverters(converters -> {
                                        converters.clear();
                                        converters.add(userInfo::convert);
                                    })
                                    .userInfoMapper(UserInfoEndpoint::claims)
                                    .errorResponseHandler(userInfo::failure)));
        });
        // Spring Authorization Server turns on JWT bearer authentication for the whole chain, for its user info
        // endpoint. The issuers' access tokens are opaque, and a JWT (an ID token, or the built-in identity provider's
        // access token, which Spring's default decoder would accept) must never stand for a signed-in user at the
        // authorization endpoint; so bearer tokens are read by the user info endpoint alone, from its own request.
        http.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(request -> null));
        http.cors(cors -> cors.configurationSource(new IssuerCors(directory, store, userInfo)))
                .authorizeHttpRequests(authorize -> authorize
                        // The user info endpoint authenticates its bearer token itself (UserInfoEndpoint).
                        .requestMatchers(pathPattern("/*" + USERINFO_ENDPOINT))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // After CORS, so that a browser client can read why its request was refused.
                .addFilterAfter(new SingleValuedParameters(), CorsFilter.class)
                .addFilterAfter(new CodeVerifierFormat(), SingleValuedParameters.class)
                .addFilterAfter(transaction, SecurityContextHolderFilter.class)
                // Only people reach the authorization endpoint; they sign in with their portal session first.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + security.registrationId()),
                        pathPattern("/*" + AUTHORIZATION_ENDPOINT)))
                .headers(SecurityHeaders.portalDefaults());
        DefaultSecurityFilterChain chain = http.build();
        transaction.runsBefore(chain.getFilters());
        return chain;
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
