package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Refusals that anyone can cause without signing in are counted per client and hour in one history entry, with
 * only a short excerpt of what the requests sent.
 */
class RefusalHistoryIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    private final String email = "refusals-" + UUID.randomUUID() + "@example.com";
    private ClientDetails client;
    private OAuthFlow flow;

    @BeforeEach
    void aClient() {
        TeamSummary team = signInWithANewTeam(email, "Refusals", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", CALLBACK);
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    @Test
    void failed_client_authentications_become_one_counted_entry_even_when_they_race() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(wrongSecret().statusCode()).isEqualTo(401);
        }
        try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> racing = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                racing.add(parallel.submit(this::wrongSecret));
            }
            for (Future<HttpResponse<String>> response : racing) {
                assertThat(response.get().statusCode()).isEqualTo(401);
            }
        }

        List<HistoryEntry> history = historyAsMember();

        assertThat(history)
                .filteredOn(entry -> entry.action().equals("Token request refused"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.counted()).isTrue();
                    assertThat(entry.occurrences()).isEqualTo(30);
                    assertThat(entry.firstAt()).isBeforeOrEqualTo(entry.at());
                    assertThat(entry.actor()).isEqualTo("Client " + client.sandboxClientId());
                    assertThat(entry.changes())
                            .extracting(FieldChange::newValue)
                            .anySatisfy(reason -> assertThat(reason).contains("could not authenticate"));
                });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_id = ? and action = ?",
                        Integer.class,
                        client.id().toString(),
                        "Token request refused"))
                .isZero();
    }

    @Test
    void refused_authorization_requests_before_sign_in_keep_only_a_short_excerpt_and_a_new_hour_starts_a_new_entry() {
        String junk = "vendors:read " + "bogus\r\n\u202E<script>".repeat(60);
        for (int i = 0; i < 3; i++) {
            String url = flow.authorizeUrl(
                    "/sandbox", client.sandboxClientId().toString(), CALLBACK, junk, "state-" + i, Map.of());
            HttpResponse<String> answer = flow.browser.get(url);
            assertThat(answer.statusCode()).isIn(302, 400);
        }

        List<HistoryEntry> refused = historyAsMember().stream()
                .filter(entry -> entry.action().equals("Authorization request refused"))
                .toList();
        assertThat(refused).singleElement().satisfies(entry -> {
            assertThat(entry.occurrences()).isEqualTo(3);
            assertThat(entry.changes()).isNotEmpty().allSatisfy(change -> {
                assertThat(change.newValue()).hasSizeLessThanOrEqualTo(80);
                assertThat(change.newValue().chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u202E');
            });
        });
        String stored = jdbc.queryForList(
                        "select changes from audit_aggregate where client_id = ?",
                        String.class,
                        client.id().toString())
                .toString();
        assertThat(stored).doesNotContain("bogus\r").hasSizeLessThan(2000);

        clock.advance(Duration.ofHours(1));
        flow.browser.get(flow.authorizeUrl(
                "/sandbox", client.sandboxClientId().toString(), CALLBACK, junk, "state-later", Map.of()));

        assertThat(historyAsMember())
                .filteredOn(entry -> entry.action().equals("Authorization request refused"))
                .extracting(HistoryEntry::occurrences)
                .containsExactly(1, 3);
    }

    private HttpResponse<String> wrongSecret() {
        return flow.token(
                "/sandbox",
                client.sandboxClientId().toString(),
                "dpsbx_wrong",
                Map.of("grant_type", "refresh_token", "refresh_token", "whatever"));
    }

    /** Also writes this node's counts first: they are written a moment after a refusal, not with it. */
    private List<HistoryEntry> historyAsMember() {
        audit.flushCounts();
        SignedIn.as(email, Role.DEVELOPER);
        try {
            return audit.historyOf(client.id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
