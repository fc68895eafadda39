package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.FieldChange;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.security.Role;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;

/**
 * Refresh grants as the token endpoint's hot path serves them: counted in the history rather than recorded one by
 * one, and a change to the client, its secrets or its grants takes effect on the very next request, however many
 * grants just went through.
 */
class RefreshGrantsIT extends IntegrationTest {

    private static final String SANDBOX = "/sandbox";
    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    AuditLog audit;

    @Autowired
    ActiveGrants grants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private final String email = "refreshes-" + UUID.randomUUID() + "@example.com";
    private String subject;
    private ClientDetails client;
    private ClientSecret secret;
    private OAuthFlow flow;

    @BeforeEach
    void aConfidentialClient() {
        subject = signInWithAccount(email, "Refresh User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, newTeam("Refreshes").id(), "Ledger Sync", CALLBACK, "vendors:read");
        client = sandbox.client();
        secret = sandbox.secret();
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    @Test
    void refreshes_become_one_history_entry_per_client_and_hour_with_the_time_of_the_last_one() {
        String refreshToken = authorize("history");
        refreshToken = refreshed(refreshToken, secret.value());
        refreshToken = refreshed(refreshToken, secret.value());
        Instant beforeLast = clock.instant().truncatedTo(ChronoUnit.MICROS);
        refreshToken = refreshed(refreshToken, secret.value());
        Instant afterLast = clock.instant();

        List<HistoryEntry> refreshes = refreshesInHistory();
        assertThat(refreshes).singleElement().satisfies(entry -> {
            assertThat(entry.counted()).isTrue();
            assertThat(entry.occurrences()).isEqualTo(3);
            assertThat(entry.firstAt()).isBefore(beforeLast);
            assertThat(entry.at()).as("the last refresh").isBetween(beforeLast, afterLast);
            assertThat(entry.actor()).isEqualTo("Client " + client.sandboxClientId());
            assertThat(entry.changes()).extracting(FieldChange::newValue).contains("vendors:read");
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_id = ? and action = ?",
                        Integer.class,
                        client.id().toString(),
                        "Tokens refreshed"))
                .isZero();

        clock.advance(Duration.ofHours(1));
        refreshed(refreshToken, secret.value());

        assertThat(refreshesInHistory()).extracting(HistoryEntry::occurrences).containsExactly(1, 3);
    }

    @Test
    void a_revoked_secret_and_a_deleted_client_fail_on_the_next_request_right_after_a_burst_of_grants()
            throws Exception {
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chains.add(authorize("burst-" + i));
        }
        chains = burst(chains, secret.value(), 10);

        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        ClientSecret rotated = credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.NOW);
        SecurityContextHolder.clearContext();

        HttpResponse<String> withRevoked = refresh(chains.getFirst(), secret.value());
        assertThat(withRevoked.statusCode()).as(withRevoked.body()).isEqualTo(401);
        assertThat(json.readTree(withRevoked.body()).get("error").asString()).isEqualTo("invalid_client");

        chains = burst(chains, rotated.value(), 10);

        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        clients.delete(client.id(), client.name());
        SecurityContextHolder.clearContext();

        for (String chain : chains) {
            HttpResponse<String> afterDeletion = refresh(chain, rotated.value());
            assertThat(afterDeletion.statusCode()).as(afterDeletion.body()).isEqualTo(401);
            assertThat(json.readTree(afterDeletion.body()).get("error").asString())
                    .isEqualTo("invalid_client");
        }
    }

    @Test
    void a_grant_revoked_by_the_team_fails_on_the_next_request_right_after_a_burst_of_grants() throws Exception {
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chains.add(authorize("revoked-" + i));
        }
        chains = burst(chains, secret.value(), 10);
        String grantId = jdbc.queryForObject(
                "select id from oauth_authorization where refresh_hash = ?",
                String.class,
                AuthorizationStore.hashOf(chains.getFirst()));

        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        grants.revoke(client.id(), grantId);
        SecurityContextHolder.clearContext();

        HttpResponse<String> revoked = refresh(chains.getFirst(), secret.value());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(400);
        assertThat(json.readTree(revoked.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(burst(chains.subList(1, chains.size()), secret.value(), 1))
                .as("the other grants of the client go on")
                .hasSize(3);
    }

    /** Refreshes every chain {@code rounds} times, the chains in parallel; returns their newest tokens. */
    private List<String> burst(List<String> chains, String secretValue, int rounds) throws Exception {
        List<String> newest = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(chains.size())) {
            List<Future<String>> running = new ArrayList<>();
            for (String chain : chains) {
                running.add(parallel.submit(() -> {
                    String token = chain;
                    for (int i = 0; i < rounds; i++) {
                        token = refreshed(token, secretValue);
                    }
                    return token;
                }));
            }
            for (Future<String> chain : running) {
                newest.add(chain.get());
            }
        }
        return newest;
    }

    private String authorize(String state) {
        String url = flow.authorizeUrl(
                SANDBOX, client.sandboxClientId().toString(), CALLBACK, "vendors:read", state, Map.of());
        Map<String, String> callback =
                flow.authorize(url, email, SANDBOX, client.sandboxClientId().toString(), List.of("vendors:read"));
        HttpResponse<String> tokens = flow.token(
                SANDBOX,
                client.sandboxClientId().toString(),
                secret.value(),
                OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json.readTree(tokens.body()).get("refresh_token").asString();
    }

    private String refreshed(String refreshToken, String secretValue) {
        HttpResponse<String> response = refresh(refreshToken, secretValue);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("refresh_token").asString();
    }

    private HttpResponse<String> refresh(String refreshToken, String secretValue) {
        return flow.token(
                SANDBOX,
                client.sandboxClientId().toString(),
                secretValue,
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** Also writes this node's counts first: they are written a moment after a grant, not with it. */
    private List<HistoryEntry> refreshesInHistory() {
        audit.flushCounts();
        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        try {
            return audit.historyOf(client.id()).stream()
                    .filter(entry -> entry.action().equals("Tokens refreshed"))
                    .toList();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
