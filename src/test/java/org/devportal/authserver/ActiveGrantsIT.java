package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientService;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** A client's live authorizations, as its team lists and revokes them, checked against the issuer over HTTP. */
class ActiveGrantsIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    ActiveGrants grants;

    @Autowired
    AuditLog audit;

    private final String email = "grants-" + UUID.randomUUID() + "@example.com";
    private String subject;
    private ClientDetails client;
    private ClientSecret secret;
    private GrantFixture flow;

    @BeforeEach
    void aConfidentialClient() {
        subject = signInWithAccount(email, "Grant Owner", OAuthFlow.PASSWORD, Role.DEVELOPER);
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, newTeam("Grants").id(), "Ledger Sync", CALLBACK, "vendors:read");
        client = sandbox.client();
        secret = sandbox.secret();
        SecurityContextHolder.clearContext();
        flow = new GrantFixture(baseUrl(), sandbox.clientId(), CALLBACK, email);
    }

    @Test
    void the_list_shows_a_live_authorization_with_its_user_subject_scopes_and_last_refresh() {
        Instant before = clock.instant();
        GrantFixture.Tokens tokens = flow.authorize(secret.value(), "list");
        assertThat(asMember(() -> grants.page(client.id(), 0, 50)))
                .singleElement()
                .satisfies(grant -> assertThat(grant.lastRefreshedAt()).isNull());

        flow.refreshed(tokens.refreshToken(), secret.value());

        List<ActiveGrant> page = asMember(() -> grants.page(client.id(), 0, 50));
        assertThat(page).singleElement().satisfies(grant -> {
            assertThat(grant.issuer()).isEqualTo(Issuer.SANDBOX);
            assertThat(grant.endUser()).as("the member's name").isEqualTo(name());
            assertThat(grant.subject()).startsWith("urn:").contains(":company:");
            assertThat(grant.scopes()).containsExactly("vendors:read");
            assertThat(grant.createdAt()).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(grant.lastRefreshedAt()).isAfterOrEqualTo(grant.createdAt());
        });
        assertThat(asMember(() -> grants.count(client.id()))).isEqualTo(1);
    }

    @Test
    void pages_are_read_newest_first_by_offset_and_limit() {
        flow.authorize(secret.value(), "one");
        flow.authorize(secret.value(), "two");
        flow.authorize(secret.value(), "three");

        List<ActiveGrant> all = asMember(() -> grants.page(client.id(), 0, 50));
        List<ActiveGrant> second = asMember(() -> grants.page(client.id(), 1, 1));

        assertThat(all).hasSize(3);
        assertThat(all).extracting(ActiveGrant::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(second).singleElement().isEqualTo(all.get(1));
    }

    @Test
    void a_revoked_grant_is_refused_on_its_next_refresh_and_its_access_token_introspects_inactive() {
        GrantFixture.Tokens revokedTokens = flow.authorize(secret.value(), "revoked");
        GrantFixture.Tokens keptTokens = flow.authorize(secret.value(), "kept");
        String revokedId =
                asMember(() -> grants.page(client.id(), 0, 50)).getLast().id();

        asMember(() -> {
            grants.revoke(client.id(), revokedId);
            return null;
        });

        assertThat(flow.active(revokedTokens.accessToken(), secret.value())).isFalse();
        HttpResponse<String> refused = flow.refresh(revokedTokens.refreshToken(), secret.value());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(flow.error(refused)).isEqualTo("invalid_grant");
        assertThat(flow.active(keptTokens.accessToken(), secret.value())).isTrue();
        flow.refreshed(keptTokens.refreshToken(), secret.value());
        assertThat(asMember(() -> grants.page(client.id(), 0, 50)))
                .extracting(ActiveGrant::id)
                .doesNotContain(revokedId)
                .hasSize(1);
        assertThatThrownBy(() -> asMember(() -> {
                    grants.revoke(client.id(), revokedId);
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already ended");
        List<HistoryEntry> history = asMember(() -> audit.historyOf(client.id()));
        assertThat(history)
                .filteredOn(entry -> entry.action().equals("Grant revoked"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(name()));
    }

    @Test
    void revoke_all_ends_every_live_grant_and_says_how_many_there_were() {
        GrantFixture.Tokens one = flow.authorize(secret.value(), "all-1");
        GrantFixture.Tokens two = flow.authorize(secret.value(), "all-2");

        int revoked = asMember(() -> grants.revokeAll(client.id()));

        assertThat(revoked).isEqualTo(2);
        assertThat(asMember(() -> grants.count(client.id()))).isZero();
        assertThat(asMember(() -> grants.page(client.id(), 0, 50))).isEmpty();
        for (GrantFixture.Tokens tokens : List.of(one, two)) {
            assertThat(flow.refresh(tokens.refreshToken(), secret.value()).statusCode())
                    .isEqualTo(400);
            assertThat(flow.active(tokens.accessToken(), secret.value())).isFalse();
        }
        assertThat(asMember(() -> grants.revokeAll(client.id()))).isZero();
        assertThat(asMember(() -> audit.historyOf(client.id())))
                .filteredOn(entry -> entry.action().equals("All grants revoked"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.changes().toString()).contains("2 grants ended"));
    }

    @Test
    void only_the_clients_team_and_admins_may_list_and_revoke_its_grants() {
        flow.authorize(secret.value(), "access");

        signInAs("stranger-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> grants.page(client.id(), 0, 50)).isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> grants.revokeAll(client.id())).isInstanceOf(ClientNotFoundException.class);

        signInAs("admin-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER, Role.ADMIN);
        List<ActiveGrant> seenByAdmin = grants.page(client.id(), 0, 50);
        assertThat(seenByAdmin)
                .singleElement()
                .satisfies(grant -> assertThat(grant.endUser()).isEqualTo(subject));
        grants.revoke(client.id(), seenByAdmin.getFirst().id());
        assertThat(grants.count(client.id())).isZero();
    }

    private String name() {
        return email.substring(0, email.indexOf('@'));
    }

    private <T> T asMember(Supplier<T> action) {
        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
