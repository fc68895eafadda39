package org.devportal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.authserver.SandboxClient;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Health, info and metrics as an operator and a load balancer see them, and metrics that move with events. */
class OperationsIT extends IntegrationTest {

    private static final String SANDBOX = "/sandbox";
    private static final String CALLBACK = "https://ops.example.com/callback";

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    ObjectMapper json;

    @Autowired
    DurabilityCheck durability;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    /** A GET as monitoring tools send it: any content type, no cookies, redirects not followed. */
    private HttpResponse<String> fetch(String url) {
        try {
            return http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .header("Accept", "*/*")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> management(String path) {
        return fetch("http://localhost:" + managementPort + path);
    }

    private HttpResponse<String> main(String path) {
        return fetch(baseUrl() + path);
    }

    @Test
    void readiness_on_the_management_port_includes_the_database_and_the_schema_migrations() {
        HttpResponse<String> readiness = management("/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("components").propertyNames()).contains("db", "liquibase", "readinessState");
        assertThat(body.get("components")
                        .get("liquibase")
                        .get("details")
                        .get("changeSets")
                        .asInt())
                .isPositive();
        assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void the_main_port_serves_only_the_readiness_status_and_no_other_actuator_endpoint() {
        HttpResponse<String> health = main("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("components", "liquibase");
        for (String endpoint : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
            HttpResponse<String> response = main(endpoint);
            assertThat(response.statusCode()).as(endpoint).isNotEqualTo(200);
            assertThat(response.body()).as(endpoint).doesNotContain("portal_", "\"build\"");
        }
    }

    @Test
    void info_on_the_management_port_names_the_version_and_the_commit() {
        HttpResponse<String> info = management("/actuator/info");

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(info.body());
        assertThat(body.get("build").get("version").asString()).isNotBlank();
        assertThat(body.get("git").get("commit").get("id").asString()).isNotBlank();
    }

    @Test
    void prometheus_on_the_management_port_has_the_token_endpoint_histogram_and_the_gauges() {
        double before = tokenRequests("authorization_code", "client_unauthenticated");
        new OAuthFlow(baseUrl()).token(SANDBOX, "no-such-client", "wrong", OAuthFlow.codeExchange("x", CALLBACK));
        awaitTokenRequests("authorization_code", "client_unauthenticated", before + 1);

        HttpResponse<String> scrape = management("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("portal_oauth_token_requests_seconds_bucket{")
                .contains("issuer=\"sandbox\"")
                .contains("portal_review_queue_length")
                .contains("portal_review_queue_oldest_age_seconds")
                .contains("portal_credentials_secrets_expiring")
                .contains("hikaricp_connections_active");
    }

    @Test
    void a_refused_token_request_is_counted_by_issuer_grant_type_and_outcome() {
        double before = tokenRequests("authorization_code", "client_unauthenticated");

        HttpResponse<String> response = new OAuthFlow(baseUrl())
                .token(SANDBOX, "no-such-client", "wrong", OAuthFlow.codeExchange("x", CALLBACK));

        assertThat(response.statusCode()).isEqualTo(401);
        awaitTokenRequests("authorization_code", "client_unauthenticated", before + 1);
        assertThat(tokenRequests("authorization_code", "client_unauthenticated"))
                .isEqualTo(before + 1);
    }

    @Test
    void a_wrong_password_at_the_identity_provider_counts_as_a_failed_sign_in() {
        double before = counter("portal.signins", "outcome", "failure");
        HttpTestClient browser = new HttpTestClient(baseUrl());
        HttpResponse<String> page = browser.get("/idp/login");

        HttpResponse<String> refused =
                browser.submitSignInForm(page, "nobody-" + UUID.randomUUID() + "@example.com", "not the password");

        assertThat(HttpTestClient.location(refused)).contains("/idp/login?error");
        assertThat(counter("portal.signins", "outcome", "failure")).isEqualTo(before + 1);
    }

    @Test
    void a_sign_in_grant_refresh_and_reuse_move_their_metrics() {
        String email = "ops-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Ops User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, newTeam("Operations").id(), "Ops Ledger", CALLBACK, "accounts:read");
        ClientSecret secret = sandbox.secret();
        String clientId = sandbox.clientId();
        SecurityContextHolder.clearContext();
        OAuthFlow flow = new OAuthFlow(baseUrl());
        double signIns = counter("portal.signins", "outcome", "success");
        double refreshed = counter("portal.oauth.grants", "issuer", "sandbox", "action", "tokens_refreshed");
        double reuses = counter("portal.oauth.refresh.token.reuse", "issuer", "sandbox");
        double granted = tokenRequests("refresh_token", "granted");

        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl(SANDBOX, clientId, CALLBACK, "accounts:read", "s", Map.of()),
                email,
                SANDBOX,
                clientId,
                List.of("accounts:read"));
        String refreshToken = tokens(flow.token(
                        SANDBOX, clientId, secret.value(), OAuthFlow.codeExchange(callback.get("code"), CALLBACK)))
                .get("refresh_token")
                .asString();
        tokens(flow.token(
                SANDBOX,
                clientId,
                secret.value(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)));
        clock.advance(java.time.Duration.ofMinutes(2));
        HttpResponse<String> reuse = flow.token(
                SANDBOX,
                clientId,
                secret.value(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(counter("portal.signins", "outcome", "success")).isEqualTo(signIns + 1);
        assertThat(counter("portal.oauth.grants", "issuer", "sandbox", "action", "tokens_refreshed"))
                .isEqualTo(refreshed + 1);
        assertThat(counter("portal.oauth.refresh.token.reuse", "issuer", "sandbox"))
                .isEqualTo(reuses + 1);
        awaitTokenRequests("refresh_token", "granted", granted + 1);
        assertThat(tokenRequests("refresh_token", "granted")).isEqualTo(granted + 1);
    }

    @Test
    void a_rotation_with_a_grace_period_adds_a_secret_expiring_within_seven_days() {
        var team = signInWithANewTeam("ops-" + UUID.randomUUID() + "@example.com", "Ops", Role.DEVELOPER);
        ClientDetails client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Rotating", CALLBACK);
        credentials.takeRevealAfterRegistration(client.id()).orElseThrow();
        double before = gauge("portal.credentials.secrets.expiring");

        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.TWENTY_FOUR_HOURS);

        assertThat(gauge("portal.credentials.secrets.expiring")).isEqualTo(before + 1);
    }

    @Test
    void the_durability_check_warns_only_while_the_server_flushes_commits_lazily() {
        assertThat(durability.warning()).isEmpty();
        jdbc.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
        try {
            assertThat(durability.warning()).get().asString().contains("innodb_flush_log_at_trx_commit=2");
        } finally {
            jdbc.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 1");
        }
        assertThat(durability.warning()).isEmpty();
    }

    private JsonNode tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * The token endpoint's timer stops once the response is written, so the client may read the answer a moment
     * before the request is counted: wait for the count (at most a few seconds), then assert.
     */
    private void awaitTokenRequests(String grantType, String outcome, double count) {
        for (int i = 0; i < 250 && tokenRequests(grantType, outcome) < count; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private double tokenRequests(String grantType, String outcome) {
        Timer timer = meters.find("portal.oauth.token.requests")
                .tags("issuer", "sandbox", "grant_type", grantType, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
