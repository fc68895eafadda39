package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.notifications.NotificationService;
import org.devportal.notifications.TeamNotification;
import org.devportal.security.Role;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

@ExtendWith(OutputCaptureExtension.class)
class CredentialServiceIT extends IntegrationTest {

    @Autowired
    CredentialService credentials;

    @Autowired
    ClientService clients;

    @Autowired
    TeamService teams;

    @Autowired
    AuditLog audit;

    @Autowired
    NotificationService notifications;

    @Autowired
    SecretExpiryJob expiryJob;

    @Autowired
    JdbcTemplate jdbc;

    private final String owner = "owner-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;
    private ClientSecret first;

    @BeforeEach
    void registerAConfidentialClient() {
        team = signInWithANewTeam(owner, "Secrets", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://ledger.example.com/cb");
        first = credentials.takeRevealAfterRegistration(client.id()).orElseThrow();
    }

    @Test
    void registering_a_confidential_client_issues_a_sandbox_secret_that_is_revealed_once() {
        assertThat(first.value()).startsWith("dpsbx_");
        assertThat(credentials.takeRevealAfterRegistration(client.id())).isEmpty();
        assertThat(credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .singleElement()
                .satisfies(secret -> {
                    assertThat(secret.status()).isEqualTo(SecretStatus.ACTIVE);
                    assertThat(secret.displayHint()).isEqualTo(first.displayHint());
                });
        assertThat(credentials.verify(client.sandboxClientId(), first.value()))
                .map(ClientDetails::id)
                .hasValue(client.id());
        assertThat(audit.historyOf(client.id()))
                .extracting(HistoryEntry::action)
                .contains("Secret issued");
    }

    @Test
    void a_public_client_gets_no_secret_and_cannot_rotate() {
        ClientDetails spa = clients.register(team.id(), ClientType.PUBLIC, "Dashboard", "https://d.example.com/cb");

        assertThat(credentials.takeRevealAfterRegistration(spa.id())).isEmpty();
        assertThat(credentials.secrets(spa.id(), SecretEnvironment.SANDBOX)).isEmpty();
        assertThatThrownBy(() -> credentials.rotate(spa.id(), SecretEnvironment.SANDBOX, GracePeriod.NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Public clients have no secret");
    }

    @Test
    void rotating_keeps_the_old_secret_valid_during_the_grace_period_only() {
        ClientSecret second = credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.ONE_HOUR);

        clock.advance(Duration.ofMinutes(59));
        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isPresent();
        assertThat(credentials.verify(client.sandboxClientId(), second.value())).isPresent();

        clock.advance(Duration.ofMinutes(2));
        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isEmpty();
        assertThat(credentials.verify(client.sandboxClientId(), second.value())).isPresent();
        assertThat(audit.historyOf(client.id()).getFirst().changes())
                .anySatisfy(change -> assertThat(change.newValue()).isEqualTo(second.displayHint()));
    }

    @Test
    void a_second_rotation_during_a_grace_period_is_refused_unless_it_revokes_now() {
        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.SEVEN_DAYS);

        assertThatThrownBy(() -> credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.ONE_HOUR))
                .isInstanceOf(RotationRefusedException.class)
                .hasMessageContaining("revoke it first");
        ClientSecret third = credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.NOW);

        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isEmpty();
        assertThat(credentials.verify(client.sandboxClientId(), third.value())).isPresent();
        assertThat(credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .filteredOn(secret -> secret.status().isActive())
                .hasSize(1);
    }

    @Test
    void two_members_rotating_at_once_leave_at_most_two_active_secrets_and_lose_none() throws Exception {
        String colleague = "colleague-" + UUID.randomUUID() + "@example.com";
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);
        SignedIn.as(colleague, Role.DEVELOPER);
        teams.acceptInvitation(mail.lastToken(colleague, "/invitation"));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        for (String member : List.of(owner, colleague)) {
            results.add(pool.submit(() -> {
                SignedIn.as(member, Role.DEVELOPER);
                start.await();
                try {
                    return credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.ONE_HOUR);
                } catch (RotationRefusedException e) {
                    return e;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(ClientSecret.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(RotationRefusedException.class::isInstance)
                .hasSize(1);
        ClientSecret winner = (ClientSecret) outcomes.stream()
                .filter(ClientSecret.class::isInstance)
                .findFirst()
                .orElseThrow();
        SignedIn.as(owner, Role.DEVELOPER);
        assertThat(credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .filteredOn(secret -> secret.status().isActive())
                .hasSize(2);
        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isPresent();
        assertThat(credentials.verify(client.sandboxClientId(), winner.value())).isPresent();
    }

    @Test
    void a_revoked_secret_stops_working_at_once() {
        UUID id = credentials
                .secrets(client.id(), SecretEnvironment.SANDBOX)
                .getFirst()
                .id();

        credentials.revoke(client.id(), SecretEnvironment.SANDBOX, id, null);

        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isEmpty();
        assertThat(audit.historyOf(client.id()).getFirst().action()).isEqualTo("Secret revoked");
        assertThatThrownBy(() -> credentials.revoke(client.id(), SecretEnvironment.SANDBOX, id, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already revoked");
    }

    @Test
    void verification_rejects_wrong_and_malformed_secrets_and_unknown_clients() {
        assertThat(credentials.verify(
                        client.sandboxClientId(),
                        ClientSecret.generate(SecretEnvironment.SANDBOX).value()))
                .isEmpty();
        assertThat(credentials.verify(client.sandboxClientId(), first.value().substring(1)))
                .isEmpty();
        assertThat(credentials.verify(client.sandboxClientId(), null)).isEmpty();
        assertThat(credentials.verify(UUID.randomUUID(), first.value())).isEmpty();
        assertThat(credentials.verify(client.id(), first.value()))
                .as("the internal id is not the client ID")
                .isEmpty();
    }

    @Test
    void last_used_is_written_at_most_once_a_minute() {
        credentials.verify(client.sandboxClientId(), first.value());
        var firstUse = credentials
                .secrets(client.id(), SecretEnvironment.SANDBOX)
                .getFirst()
                .lastUsedAt();

        clock.advance(Duration.ofSeconds(30));
        credentials.verify(client.sandboxClientId(), first.value());
        assertThat(credentials
                        .secrets(client.id(), SecretEnvironment.SANDBOX)
                        .getFirst()
                        .lastUsedAt())
                .isEqualTo(firstUse);

        clock.advance(Duration.ofSeconds(31));
        credentials.verify(client.sandboxClientId(), first.value());
        assertThat(credentials
                        .secrets(client.id(), SecretEnvironment.SANDBOX)
                        .getFirst()
                        .lastUsedAt())
                .isAfter(firstUse);
    }

    @Test
    void another_teams_member_cannot_see_rotate_or_revoke_secrets() {
        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);

        assertThatThrownBy(() -> credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.NOW))
                .isInstanceOf(ClientNotFoundException.class);
        assertThat(credentials.takeRevealAfterRegistration(client.id())).isEmpty();
    }

    @Test
    void secret_values_never_reach_the_log_the_database_or_the_audit_log(CapturedOutput output) {
        ClientSecret rotated = credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.ONE_HOUR);
        ClientDetails another =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Another", "https://a.example.com/cb");
        ClientSecret issued =
                credentials.takeRevealAfterRegistration(another.id()).orElseThrow();

        for (ClientSecret secret : List.of(first, rotated, issued)) {
            assertThat(output.getAll()).doesNotContain(secret.value());
            String body = secret.value().substring(6, 6 + 43);
            assertThat(jdbc.queryForObject(
                            "select count(*) from client_secret where secret_hash like ? or display_hint like ?",
                            Integer.class,
                            "%" + body + "%",
                            "%" + body + "%"))
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_entry where changes like ?", Integer.class, "%" + body + "%"))
                    .isZero();
            assertThat(secret.toString()).doesNotContain(body);
        }
    }

    @Test
    void the_expiry_job_warns_a_day_and_an_hour_ahead_and_reports_a_secret_that_expired_while_in_use() {
        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.TWENTY_FOUR_HOURS);

        expiryJob.run();
        assertThat(messages()).anyMatch(m -> m.contains("expires in less than 24 hours"));

        clock.advance(Duration.ofHours(23).plusMinutes(10));
        expiryJob.run();
        expiryJob.run();
        assertThat(messages())
                .filteredOn(m -> m.contains("expires within the hour"))
                .hasSize(1);

        clock.advance(Duration.ofMinutes(40));
        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isPresent();
        clock.advance(Duration.ofMinutes(15));
        expiryJob.run();

        assertThat(messages()).anyMatch(m -> m.contains("expired") && m.contains("while still in use"));
        assertThat(audit.historyOf(client.id()).getFirst().action()).isEqualTo("Secret expired");
        assertThat(messages()).noneMatch(m -> m.contains(first.value().substring(6)));
    }

    @Test
    void while_another_node_holds_the_expiry_jobs_lock_the_job_skips_its_turn_here() {
        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.TWENTY_FOUR_HOURS);
        // ShedLock compares lock_until with the database's own UTC clock.
        jdbc.update("""
                INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                VALUES ('secret-expiry', UTC_TIMESTAMP(3) + INTERVAL 5 MINUTE, UTC_TIMESTAMP(3), 'other-node')
                ON DUPLICATE KEY UPDATE lock_until = UTC_TIMESTAMP(3) + INTERVAL 5 MINUTE,
                    locked_at = UTC_TIMESTAMP(3), locked_by = 'other-node'""");
        try {
            expiryJob.run();
            assertThat(messages()).noneMatch(m -> m.contains("expires in less than 24 hours"));
        } finally {
            jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'secret-expiry'");
        }

        expiryJob.run();

        assertThat(messages()).anyMatch(m -> m.contains("expires in less than 24 hours"));
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'secret-expiry'", String.class))
                .as("this node took the lock row for its run")
                .isNotEqualTo("other-node");
    }

    private List<String> messages() {
        return notifications.recentForMe(50).stream()
                .filter(n -> client.id().equals(n.clientId()))
                .map(TeamNotification::message)
                .toList();
    }
}
