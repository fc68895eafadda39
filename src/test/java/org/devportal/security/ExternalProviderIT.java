package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.devportal.Application;
import org.devportal.review.ReviewFilter;
import org.devportal.review.ReviewService;
import org.devportal.test.HttpTestClient;
import org.devportal.test.Keycloak;
import org.devportal.test.SharedSecurityContextStrategy;
import org.devportal.test.TestPorts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal with its built-in identity provider switched off, signing users in through a real Keycloak: the
 * authorization code flow over HTTP, Keycloak's own login form, and the portal's rules applied to what Keycloak's ID
 * token says (roles from the {@code roles} claim, refusal of an unverified address, step-up from its {@code amr}).
 *
 * <p>The one test class with a context of its own: the identity provider is a start-up setting. The context is closed
 * after the class, since no other test can share it, and takes its embedded MariaDB and port with it.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(ExternalProviderIT.Sessions.class)
@DirtiesContext
class ExternalProviderIT {

    private static final SharedSecurityContextStrategy SHARED_STRATEGY = SharedSecurityContextStrategy.remember();

    private static final String REALM = "platform";
    private static final String PASSWORD = "correct horse battery staple";
    private static final int PORTAL_PORT = TestPorts.freePort();
    /** Otto's authenticator app, as imported with the realm. */
    private static final String OTTO_TOTP_SEED = "test-only-totp-seed-of-otto";
    /** Long enough for a code exchange on a busy machine; the portal judges the age itself from auth_time. */
    private static final Duration AMR_MAX_AGE = Duration.ofMinutes(10);

    private static Keycloak keycloak;

    @Autowired
    Sessions sessions;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    ReviewService reviews;

    @Autowired
    StepUp stepUp;

    private final HttpTestClient http = new HttpTestClient(portalUrl());

    @DynamicPropertySource
    static void externalProvider(DynamicPropertyRegistry registry) {
        // Started here rather than in @BeforeAll: Spring Boot reads the issuer's discovery document while the context
        // starts, and these suppliers are the first code that runs before it.
        keycloak = Keycloak.start("/keycloak/platform-realm.json", Map.of("PORTAL_BASE_URL", portalUrl()));
        // Keycloak's amr names the steps of its browser flow that carry a reference: the password, and the one-time
        // code that users with an authenticator app are asked for after it.
        keycloak.setAuthenticationReference(REALM, "browser", "auth-username-password-form", "pwd", AMR_MAX_AGE);
        keycloak.setAuthenticationReference(REALM, "browser", "auth-otp-form", "otp", AMR_MAX_AGE);
        registry.add("server.port", () -> PORTAL_PORT);
        registry.add("portal.base-url", ExternalProviderIT::portalUrl);
        registry.add("portal.embedded-db.directory", () -> "target/mariadb-external-provider");
        registry.add("portal.idp.enabled", () -> false);
        String registration = "spring.security.oauth2.client.registration.portal.";
        registry.add(registration + "client-id", () -> "developer-portal");
        registry.add(registration + "client-secret", () -> "test-only-keycloak-client-secret");
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.portal.issuer-uri", () -> keycloak.issuer(REALM));
    }

    @AfterAll
    static void stopKeycloak() {
        SHARED_STRATEGY.restore();
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @AfterEach
    void forgetTheSignedInUser() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void signing_in_starts_at_keycloak_with_state_nonce_and_pkce_and_shows_keycloaks_own_login_form() {
        HttpResponse<String> authorizationRequest = http.get(HttpTestClient.location(http.get("/")));

        assertThat(HttpTestClient.location(authorizationRequest))
                .startsWith(keycloak.issuer(REALM) + "/protocol/openid-connect/auth?")
                .contains("client_id=developer-portal", "state=", "nonce=", "code_challenge_method=S256");
        HttpResponse<String> loginPage = http.follow(authorizationRequest);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginForm(loginPage)).isNotNull();
    }

    @Test
    void a_reviewer_in_keycloak_signs_in_over_http_and_is_a_reviewer_at_the_portal() {
        HttpResponse<String> callback = signInAtKeycloak("rita");

        assertThat(HttpTestClient.location(callback))
                .matches(java.util.regex.Pattern.quote(portalUrl()) + "/(\\?continue)?");
        assertThat(http.get("/clients").statusCode()).isEqualTo(200);
        PortalUser user = asTheSessionsUser(currentUser::require);
        assertThat(user.email()).isEqualTo("rita.reviewer@example.com");
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.displayName()).isEqualTo("Rita Reviewer");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.DEVELOPER, Role.REVIEWER);
        OidcUser signedIn = asTheSessionsUser(() -> (OidcUser)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal());
        assertThat(signedIn.getIdToken().getIssuer().toString()).isEqualTo(keycloak.issuer(REALM));
        assertThat(asTheSessionsUser(() -> reviews.count(ReviewFilter.waiting())))
                .isNotNegative();
    }

    @Test
    void a_keycloak_user_without_portal_roles_is_only_a_developer_and_the_review_queue_refuses_them() {
        signInAtKeycloak("dev");

        assertThat(http.get("/clients").statusCode()).isEqualTo(200);
        PortalUser user = asTheSessionsUser(currentUser::require);
        assertThat(user.email()).isEqualTo("dev.developer@example.com");
        assertThat(user.roles()).containsExactly(Role.DEVELOPER);
        assertThatThrownBy(() -> asTheSessionsUser(() -> reviews.queue(ReviewFilter.waiting(), 0, 10)))
                .isInstanceOf(CurrentUser.AccessDeniedException.class);
    }

    @Test
    void a_user_whose_address_keycloak_has_not_verified_is_refused_at_the_callback_and_told_why() {
        HttpResponse<String> callback = signInAtKeycloak("una");

        assertThat(HttpTestClient.location(callback)).isEqualTo(portalUrl() + "/signin-error?reason=unverified");
        HttpResponse<String> errorPage = http.get(HttpTestClient.location(callback));
        assertThat(errorPage.statusCode()).isEqualTo(200);
        assertThat(errorPage.body()).doesNotContain("una.unverified@example.com", "Exception");
        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
        assertThat(SignInFailure.fromCode("unverified").message()).contains("not verified your e-mail address");
    }

    /**
     * Keycloak signed the user in with a password only ({@code amr: ["pwd"]}), which is no second factor: every action
     * that needs step-up is refused, whatever the user's roles.
     */
    @Test
    void step_up_is_refused_when_keycloaks_id_token_names_no_second_factor() {
        signInAtKeycloak("rita");
        assertThat(asTheSessionsUser(currentUser::require).roles()).contains(Role.REVIEWER);
        assertThat(asTheSessionsUser(() -> idToken().getClaimAsStringList("amr")))
                .containsExactly("pwd");

        assertThat(StepUpAction.values()).isNotEmpty();
        for (StepUpAction action : StepUpAction.values()) {
            assertThatThrownBy(() -> asTheSessionsUser(() -> {
                        stepUp.require(action);
                        return action;
                    }))
                    .as("step-up for %s", action)
                    .isInstanceOf(StepUpRequiredException.class);
        }
    }

    /**
     * Keycloak asked for the one-time code of Otto's authenticator app after the password ({@code amr: ["pwd", "otp"]}),
     * a second factor a moment ago: every action that needs step-up goes ahead.
     */
    @Test
    void step_up_is_allowed_when_keycloaks_id_token_names_a_one_time_code_as_second_factor() {
        signInAtKeycloak("otto", OTTO_TOTP_SEED);
        assertThat(asTheSessionsUser(currentUser::require).roles()).contains(Role.REVIEWER);
        assertThat(asTheSessionsUser(() -> idToken().getClaimAsStringList("amr")))
                .containsExactlyInAnyOrder("pwd", "otp");

        for (StepUpAction action : StepUpAction.values()) {
            assertThat(asTheSessionsUser(() -> {
                        stepUp.require(action);
                        return stepUp.isFresh();
                    }))
                    .as("step-up for %s", action)
                    .isTrue();
        }
    }

    private static OidcIdToken idToken() {
        return ((OidcUser)
                        SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .getIdToken();
    }

    private HttpResponse<String> signInAtKeycloak(String username) {
        return signInAtKeycloak(username, null);
    }

    /**
     * Goes from the portal to Keycloak's login form, submits it as a browser would (every field the form carries, plus
     * the user's name and password) and follows Keycloak's redirect to the portal's callback.
     *
     * With a TOTP seed, the user has an authenticator app: Keycloak asks for its current code after the password,
     * and the code is computed from the seed as the app would.
     *
     * @return the portal's answer to the callback
     */
    private HttpResponse<String> signInAtKeycloak(String username, String totpSeed) {
        HttpResponse<String> loginPage = http.follow(http.get("/"));
        Element form = loginForm(loginPage);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        fields.put("username", username);
        fields.put("password", PASSWORD);
        HttpResponse<String> afterLogin = http.postForm(form.absUrl("action"), fields);
        if (totpSeed != null) {
            assertThat(afterLogin.statusCode())
                    .as("Keycloak asks %s for a one-time code", username)
                    .isEqualTo(200);
            Element otpForm =
                    Jsoup.parse(afterLogin.body(), afterLogin.uri().toString()).selectFirst("form#kc-otp-login-form");
            assertThat(otpForm).as("Keycloak's one-time code form").isNotNull();
            Map<String, String> otpFields = new LinkedHashMap<>();
            for (Element input : otpForm.select("input[name]")) {
                otpFields.put(input.attr("name"), input.val());
            }
            otpFields.put("otp", totp(totpSeed, Instant.now()));
            afterLogin = http.postForm(otpForm.absUrl("action"), otpFields);
        }
        assertThat(HttpTestClient.isRedirect(afterLogin))
                .as("Keycloak accepts the password of %s", username)
                .isTrue();
        String callback = HttpTestClient.location(afterLogin);
        assertThat(callback).startsWith(portalUrl() + "/login/oauth2/code/portal?");
        return http.get(callback);
    }

    /** The code an authenticator app shows at {@code now} (RFC 6238: HMAC-SHA1, 30-second steps, six digits). */
    private static String totp(String seed, Instant now) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES)
                    .putLong(now.getEpochSecond() / 30)
                    .array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element loginForm(HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        Element form = document.selectFirst("form#kc-form-login");
        assertThat(form).as("Keycloak's login form at %s", page.uri()).isNotNull();
        return form;
    }

    /** Runs the call as the user this client's portal session belongs to, as a request of that session would. */
    private <T> T asTheSessionsUser(Supplier<T> call) {
        String id = http.cookie("JSESSIONID").orElseThrow();
        HttpSession session = sessions.byId(id);
        SecurityContext context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context).as("the portal session's security context").isNotNull();
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String portalUrl() {
        return "http://localhost:" + PORTAL_PORT;
    }

    /** The servlet container's sessions by their current id, so a test can look into the session it signed in. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Sessions implements HttpSessionListener {

        private final Set<HttpSession> live = ConcurrentHashMap.newKeySet();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            live.add(event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            live.remove(event.getSession());
        }

        // Looked up by the id it has now: signing in gives a session a new id (session fixation protection).
        HttpSession byId(String id) {
            return live.stream()
                    .filter(session -> session.getId().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No live session " + id));
        }
    }
}
