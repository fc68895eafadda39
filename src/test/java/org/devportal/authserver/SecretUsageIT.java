package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.FieldChange;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.RecentlyUsedSecretException;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.credentials.SecretView;
import org.devportal.security.Role;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Each secret's use, counted from real token requests, and the rules that build on it. */
class SecretUsageIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    AuditLog audit;

    private final String email = "usage-" + UUID.randomUUID() + "@example.com";
    private String subject;
    private ClientDetails client;
    private ClientSecret first;
    private GrantFixture grants;

    @BeforeEach
    void aConfidentialClient() {
        subject = signInWithAccount(email, "Usage User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, newTeam("Usage").id(), "Ledger Sync", CALLBACK, "vendors:read");
        client = sandbox.client();
        first = sandbox.secret();
        SecurityContextHolder.clearContext();
        grants = new GrantFixture(baseUrl(), sandbox.clientId(), CALLBACK, email);
    }

    @Test
    void each_secret_counts_the_token_requests_it_authenticated_by_hour_and_knows_its_last_use_exactly() {
        GrantFixture.Tokens tokens = grants.authorize(first.value(), "usage");
        tokens = grants.refreshed(tokens.refreshToken(), first.value());
        tokens = grants.refreshed(tokens.refreshToken(), first.value());

        ClientSecret second = asMember(() ->
                credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.TWENTY_FOUR_HOURS, " CI "));
        clock.advance(Duration.ofMinutes(5));
        Instant beforeLast = clock.instant();
        grants.refreshed(tokens.refreshToken(), second.value());
        Instant afterLast = clock.instant();

        List<SecretView> secrets = asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX));
        assertThat(secrets).hasSize(2);
        SecretView old = secrets.getFirst();
        SecretView current = secrets.getLast();
        assertThat(old.usage().lastHour())
                .as("a code exchange and two refreshes")
                .isEqualTo(3);
        assertThat(old.usage().lastDay()).isEqualTo(3);
        assertThat(old.usage().lastWeek()).isEqualTo(3);
        assertThat(current.label()).isEqualTo("CI");
        assertThat(current.usage().lastWeek()).isEqualTo(1);
        assertThat(current.usage().lastAction()).isEqualTo("Tokens refreshed");
        assertThat(current.lastUsedAt()).as("exact, not to the minute").isBetween(beforeLast, afterLast);

        clock.advance(Duration.ofHours(26));

        SecretView later = asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .getFirst();
        assertThat(later.usage().lastHour()).isZero();
        assertThat(later.usage().lastDay()).isZero();
        assertThat(later.usage().lastWeek()).isEqualTo(3);
    }

    @Test
    void during_a_rotation_the_history_counts_the_refreshes_of_each_secret_on_a_row_that_names_it() {
        GrantFixture.Tokens tokens = grants.authorize(first.value(), "rotation");
        ClientSecret second = asMember(
                () -> credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.TWENTY_FOUR_HOURS, "CI"));
        tokens = grants.refreshed(tokens.refreshToken(), first.value());
        tokens = grants.refreshed(tokens.refreshToken(), second.value());
        tokens = grants.refreshed(tokens.refreshToken(), first.value());
        grants.refreshed(tokens.refreshToken(), second.value());
        grants.refreshed(grants.authorize(second.value(), "more").refreshToken(), second.value());

        List<SecretView> secrets = asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX));
        List<HistoryEntry> refreshes = asMember(() -> audit.historyOf(client.id())).stream()
                .filter(entry -> entry.action().equals("Tokens refreshed"))
                .toList();

        assertThat(refreshes)
                .extracting(HistoryEntry::secret, HistoryEntry::occurrences)
                .containsExactlyInAnyOrder(
                        tuple(secrets.getFirst().name(), 2),
                        tuple(secrets.getLast().name(), 3));
        assertThat(secrets.getLast().name()).endsWith(" (CI)");
        assertThat(refreshes)
                .extracting(HistoryEntry::secret)
                .allSatisfy(
                        name -> assertThat(name).startsWith("dpsbx_").doesNotContain(first.value(), second.value()));
    }

    @Test
    void the_old_secret_is_suggested_for_revocation_once_the_new_one_is_in_use_and_the_old_one_has_been_quiet() {
        GrantFixture.Tokens tokens = grants.authorize(first.value(), "suggestion");
        ClientSecret second = asMember(() ->
                credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.SEVEN_DAYS, "prod cluster A"));
        assertThat(asMember(() -> credentials.revokeSuggestion(client.id(), SecretEnvironment.SANDBOX)))
                .as("the new secret is not in use yet")
                .isEmpty();

        grants.refreshed(tokens.refreshToken(), second.value());
        clock.advance(Duration.ofHours(23));
        assertThat(asMember(() -> credentials.revokeSuggestion(client.id(), SecretEnvironment.SANDBOX)))
                .as("the old one was used less than 24 hours ago")
                .isEmpty();

        clock.advance(Duration.ofHours(2));
        assertThat(asMember(() -> credentials.revokeSuggestion(client.id(), SecretEnvironment.SANDBOX)))
                .hasValueSatisfying(suggestion -> {
                    assertThat(suggestion.old().displayHint()).isEqualTo(first.displayHint());
                    assertThat(suggestion.newer().label()).isEqualTo("prod cluster A");
                });
    }

    @Test
    void revoking_a_secret_used_in_the_last_hour_is_refused_unless_the_use_was_confirmed() {
        GrantFixture.Tokens tokens = grants.authorize(first.value(), "recent");
        tokens = grants.refreshed(tokens.refreshToken(), first.value());
        asMember(() -> credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.ONE_HOUR, null));
        UUID firstId = asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .getFirst()
                .id();

        assertThatThrownBy(() -> asMember(() -> {
                    credentials.revoke(client.id(), SecretEnvironment.SANDBOX, firstId, null);
                    return null;
                }))
                .isInstanceOf(RecentlyUsedSecretException.class)
                .hasMessageContaining("used 2 times in the last hour")
                .hasMessageContaining("(Tokens refreshed)");
        HttpResponse<String> stillWorks = grants.refresh(tokens.refreshToken(), first.value());
        assertThat(stillWorks.statusCode()).as("nothing was revoked").isEqualTo(200);

        asMember(() -> {
            credentials.revoke(client.id(), SecretEnvironment.SANDBOX, firstId, null, true);
            return null;
        });

        HttpResponse<String> revoked = grants.refresh(tokens.refreshToken(), first.value());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(grants.error(revoked)).isEqualTo("invalid_client");
    }

    @Test
    void a_secret_quiet_for_more_than_an_hour_is_revoked_without_a_second_confirmation() {
        grants.authorize(first.value(), "quiet");
        asMember(() -> credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.SEVEN_DAYS, null));
        clock.advance(Duration.ofMinutes(61));
        UUID firstId = asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .getFirst()
                .id();

        asMember(() -> {
            credentials.revoke(client.id(), SecretEnvironment.SANDBOX, firstId, null);
            return null;
        });

        assertThat(asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                        .getFirst()
                        .status())
                .isEqualTo(org.devportal.credentials.SecretStatus.REVOKED);
    }

    @Test
    void a_label_is_validated_on_the_server_and_its_change_is_in_the_history() {
        UUID id = asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .getFirst()
                .id();

        assertThatThrownBy(() -> asMember(() -> {
                    credentials.relabel(client.id(), SecretEnvironment.SANDBOX, id, "CI\nprod");
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> asMember(() -> {
                    credentials.relabel(client.id(), SecretEnvironment.SANDBOX, id, "x".repeat(61));
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 60");

        asMember(() -> {
            credentials.relabel(client.id(), SecretEnvironment.SANDBOX, id, "CI");
            credentials.relabel(client.id(), SecretEnvironment.SANDBOX, id, "prod cluster A");
            return null;
        });

        assertThat(asMember(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                        .getFirst()
                        .label())
                .isEqualTo("prod cluster A");
        List<HistoryEntry> relabelled = asMember(() -> audit.historyOf(client.id()).stream()
                .filter(entry -> entry.action().equals("Secret label changed"))
                .toList());
        assertThat(relabelled).hasSize(2);
        assertThat(relabelled.getFirst().changes())
                .containsExactly(new FieldChange("Label of " + first.displayHint(), "CI", "prod cluster A"));
        assertThat(relabelled.getFirst().actor()).isEqualTo(email.substring(0, email.indexOf('@')));
    }

    /** Also writes this node's counts first: they are written a moment after a grant, not with it. */
    private <T> T asMember(java.util.function.Supplier<T> action) {
        audit.flushCounts();
        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
