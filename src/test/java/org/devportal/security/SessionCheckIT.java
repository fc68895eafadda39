package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.AccountSummary;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Each request of a portal session is checked against its account in the database: roles follow at once. */
class SessionCheckIT extends IntegrationTest {

    private static final String PASSWORD = "session check passphrase";

    @Autowired
    AccountSessions accountSessions;

    @Autowired
    SecurityProperties properties;

    @Autowired
    AccountService accounts;

    @Test
    void granting_and_taking_away_the_reviewer_role_reaches_an_open_session_at_its_next_request() {
        String email = "session-" + UUID.randomUUID() + "@example.com";
        String subject = signInWithAccount(email, "Session Holder", PASSWORD, Role.DEVELOPER);
        MockHttpSession session = sessionOf(subject, email, Role.DEVELOPER);

        signInAs("admin-" + UUID.randomUUID() + "@example.com", Role.ADMIN);
        AccountSummary granted = accounts.setReviewer(UUID.fromString(subject), true);
        assertThat(granted.roles()).contains(Role.REVIEWER);
        assertThat(rolesAfterRequest(session)).contains("ROLE_REVIEWER");

        signInAs("admin-" + UUID.randomUUID() + "@example.com", Role.ADMIN);
        accounts.setReviewer(UUID.fromString(subject), false);
        assertThat(rolesAfterRequest(session)).doesNotContain("ROLE_REVIEWER").contains("ROLE_DEVELOPER");
    }

    @Test
    void a_session_whose_account_was_reset_ends_at_its_next_request() {
        String email = "session-" + UUID.randomUUID() + "@example.com";
        String subject = signInWithAccount(email, "Session Holder", PASSWORD, Role.DEVELOPER);
        MockHttpSession session = sessionOf(subject, email, Role.DEVELOPER);
        SecurityContextHolder.clearContext();

        accounts.requestPasswordReset(email);
        accounts.resetPassword(mail.lastToken(email, "/idp/reset-password"), "another session passphrase");
        filter(session);

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_session_from_another_provider_is_left_alone() {
        MockHttpSession session = new MockHttpSession();
        OidcIdToken token = new OidcIdToken(
                "external",
                Instant.now(),
                Instant.now().plusSeconds(300),
                Map.of("sub", "external-user", "iss", "https://login.example.com", "email", "x@example.com"));
        store(session, token, Role.DEVELOPER);

        filter(session);

        assertThat(session.isInvalid()).isFalse();
    }

    private MockHttpSession sessionOf(String subject, String email, Role... roles) {
        int epoch = accountSessions
                .current(new DefaultOidcUser(List.of(), idToken(subject, email, 0)))
                .orElseThrow()
                .sessionEpoch();
        MockHttpSession session = new MockHttpSession();
        store(session, idToken(subject, email, epoch), roles);
        return session;
    }

    private OidcIdToken idToken(String subject, String email, int epoch) {
        return new OidcIdToken(
                "id-token",
                Instant.now(),
                Instant.now().plusSeconds(300),
                Map.of(
                        "sub",
                        subject,
                        "iss",
                        baseUrl() + "/idp",
                        "email",
                        email,
                        "email_verified",
                        true,
                        AccountSessions.SESSION_EPOCH_CLAIM,
                        epoch));
    }

    private static void store(MockHttpSession session, OidcIdToken token, Role... roles) {
        List<GrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        SecurityContext context = new SecurityContextImpl(
                new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token), authorities, "portal"));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }

    private List<String> rolesAfterRequest(MockHttpSession session) {
        SecurityContextHolder.clearContext();
        filter(session);
        SecurityContext stored = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return stored.getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    private void filter(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/clients");
        request.setSession(session);
        SecurityContext context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context);
        try {
            new SessionCheckFilter(accountSessions, properties)
                    .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
