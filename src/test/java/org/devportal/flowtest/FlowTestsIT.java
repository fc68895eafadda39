package org.devportal.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The flow test's use cases against the real sandbox issuer over HTTP, with the portal's callback endpoint. */
@ExtendWith(OutputCaptureExtension.class)
class FlowTestsIT extends IntegrationTest {

    private static final String APP_CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    FlowTests flowTests;

    @Autowired
    ActiveRuns activeRuns;

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    JdbcTemplate jdbc;

    private final String email = "flow-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void signIn() {
        signInWithAccount(email, "Flow Tester", SandboxConsent.PASSWORD, Role.DEVELOPER);
        team = newTeam("Flow");
    }

    private ClientDetails client(ClientType type, String redirectUri, String... scopes) {
        return TestClients.registerWithScopes(
                clients, team.id(), type, "Ledger " + type.name().toLowerCase(), redirectUri, scopes);
    }

    @Test
    void
            a_confidential_client_passes_all_four_checks_through_the_portal_callback_and_nothing_usable_is_stored_or_logged(
                    CapturedOutput output) {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read", "accounts:read");
        String secret = credentials
                .takeRevealAfterRegistration(client.id())
                .orElseThrow()
                .value();
        client = flowTests.addPortalCallback(client.id(), client.version());
        assertThat(client.redirectUris())
                .extracting(RedirectUri::value)
                .containsExactly(APP_CALLBACK, baseUrl() + "/flowtest/callback");
        assertThat(jdbc.queryForList("select changes from audit_entry where client_id = ?", String.class, client.id()))
                .anySatisfy(changes -> assertThat(changes).contains("Redirect URIs", "/flowtest/callback"));

        AtomicReference<StepOutcome> pushed = new AtomicReference<>();
        FlowTestStarted started =
                flowTests.start(client.id(), flowTests.portalCallback(), "vendors:read accounts:read", pushed::set);
        assertThat(started.authorizationUrl())
                .startsWith(baseUrl() + "/sandbox/oauth/authorize?")
                .contains("code_challenge=" + started.pkce().challenge(), "code_challenge_method=S256");
        SandboxConsent user = new SandboxConsent(baseUrl());
        String back = user.authorize(started.authorizationUrl(), email);
        assertThat(back).startsWith(flowTests.portalCallback() + "?");
        String code =
                Redaction.parameters(back.substring(back.indexOf('?') + 1)).get("code");

        HttpResponse<String> page = user.browser.get(back);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You can close this tab").doesNotContain(code);
        assertThat(pushed.get().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(user.browser.get(back).statusCode())
                .as("a replayed callback finds nothing")
                .isEqualTo(404);

        TokenExchange exchange = flowTests.exchangeCode(started.runId(), secret);
        assertThat(exchange.outcome().verdict())
                .as(exchange.outcome().toString())
                .isEqualTo(Verdict.PASSED);
        assertThat(exchange.curl())
                .contains("$CLIENT_SECRET", "$CODE")
                .doesNotContain(secret)
                .doesNotContain(code);
        List<String> sensitive = new ArrayList<>(List.of(
                secret,
                code,
                started.state(),
                started.pkce().verifier(),
                activeRuns.get(started.runId()).orElseThrow().accessToken(),
                activeRuns.get(started.runId()).orElseThrow().refreshToken()));
        assertThat(flowTests.callApi(started.runId()).exchanges())
                .hasSize(2)
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        StepOutcome refresh = flowTests.refresh(started.runId(), secret);
        assertThat(refresh.verdict()).as(refresh.toString()).isEqualTo(Verdict.PASSED);
        assertThat(refresh.exchanges()).extracting(HttpExchange::status).containsExactly(200, 400);
        FlowTestSummary summary = flowTests.finish(started.runId());

        assertThat(summary.checks()).extracting(CheckResult::passed).containsExactly(true, true, true, true);
        assertThat(flowTests.latestRun(client.id())).hasValueSatisfying(run -> {
            assertThat(run.runId()).isEqualTo(started.runId());
            assertThat(run.testAgain()).isFalse();
        });
        String stored = jdbc.queryForList("select * from flow_test_run where client_id = ?", client.id())
                .toString();
        assertThat(stored).contains(Masked.of(code), Masked.of(sensitive.get(4)), "Basic base64(");
        String audit = jdbc.queryForList("select changes from audit_entry where client_id = ?", client.id())
                .toString();
        for (String value : sensitive) {
            assertThat(stored).doesNotContain(value);
            assertThat(audit).doesNotContain(value);
            assertThat(output.getAll()).doesNotContain(value);
        }
    }

    @Test
    void a_public_client_uses_pkce_alone_with_a_pasted_callback_and_the_run_turns_stale_when_its_scopes_change() {
        String spa = "http://127.0.0.1:53123/spa/callback";
        ClientDetails client = client(ClientType.PUBLIC, spa, "accounts:read");
        FlowTestStarted started = flowTests.start(client.id(), spa, "accounts:read", outcome -> {});
        String back = new SandboxConsent(baseUrl()).authorize(started.authorizationUrl(), email);
        assertThat(flowTests.pasteCallback(started.runId(), back).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(flowTests.exchangeCode(started.runId(), null).outcome().verdict())
                .isEqualTo(Verdict.PASSED);
        StepOutcome api = flowTests.callApi(started.runId());
        assertThat(api.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(api.findings()).anySatisfy(line -> assertThat(line).contains("needs vendors:read"));
        assertThat(flowTests.refresh(started.runId(), null).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(flowTests.finish(started.runId()).passed()).isTrue();

        ClientDetails current = clients.get(client.id());
        clock.advance(java.time.Duration.ofMinutes(1));
        clients.update(
                client.id(),
                current.version(),
                TestClients.from(current)
                        .withScopes("accounts:read", "vendors:read")
                        .build());
        assertThat(flowTests.latestRun(client.id()))
                .hasValueSatisfying(run -> assertThat(run.testAgain()).isTrue());
    }

    @Test
    void a_run_with_openid_reports_the_id_token_masked_and_stores_no_part_of_it_beyond_the_mask() {
        String spa = "http://127.0.0.1:53123/spa/callback";
        ClientDetails client = client(ClientType.PUBLIC, spa, "openid", "accounts:read");
        FlowTestStarted started = flowTests.start(client.id(), spa, "openid accounts:read", outcome -> {});
        String back = new SandboxConsent(baseUrl()).authorize(started.authorizationUrl(), email);
        assertThat(flowTests.pasteCallback(started.runId(), back).verdict()).isEqualTo(Verdict.PASSED);

        TokenExchange exchange = flowTests.exchangeCode(started.runId(), null);

        assertThat(exchange.outcome().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(exchange.outcome().findings())
                .anySatisfy(line -> assertThat(line).matches("id_token \\(OpenID Connect\\): eyJ.…\\(\\d+\\)"));
        String stored = jdbc.queryForList("select * from flow_test_run where client_id = ?", client.id())
                .toString();
        assertThat(stored).doesNotContainPattern("eyJ[A-Za-z0-9_-]{8,}");
    }

    @Test
    void the_latest_run_is_for_the_team_only_while_reviewers_get_it_through_the_machine_facing_method() {
        ClientDetails client = client(ClientType.PUBLIC, "http://127.0.0.1:53123/cb", "accounts:read");
        FlowTestStarted started = flowTests.start(client.id(), "http://127.0.0.1:53123/cb", "accounts:read", o -> {});
        flowTests.finish(started.runId());

        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> flowTests.latestRun(client.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> flowTests.exchangeCode(started.runId(), null))
                .isInstanceOf(InvalidInputException.class);
        SecurityContextHolder.clearContext();
        assertThat(flowTests.latestRunForReview(client.id())).hasValueSatisfying(run -> {
            assertThat(run.passedChecks()).isZero();
            assertThat(run.steps())
                    .extracting(StepOutcome::step)
                    .containsExactly(FlowStep.REDIRECT_URI, FlowStep.AUTHORIZATION_REQUEST);
        });
    }

    @Test
    void a_callback_for_no_waiting_run_is_answered_with_a_page_that_says_so() {
        SandboxConsent user = new SandboxConsent(baseUrl());
        user.browser.follow(user.browser.submitSignIn(email, SandboxConsent.PASSWORD));
        HttpResponse<String> page = user.browser.follow(user.browser.get("/flowtest/callback?code=abc&state=unknown"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No test is waiting for this callback");
    }
}
