package org.devportal.flowtest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.TestClients;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stepper in karibu, against the real sandbox issuer: each step's states, and its failure paths. It sits in the
 * feature's root package, not in {@code ui}, to play the developer's own app: it uses a refresh token held by the
 * run before the stepper does.
 */
class FlowTestViewsIT extends ViewTest {

    private static final String APP_CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    AuditLog audit;

    @Autowired
    ActiveRuns activeRuns;

    private final String email = "stepper-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void signIn() {
        signInWithAccount(email, "Stepper", SandboxConsent.PASSWORD, Role.DEVELOPER);
        team = newTeam("Stepper");
    }

    private ClientDetails client(ClientType type, String redirectUri, String... scopes) {
        return TestClients.registerWithScopes(
                clients, team.id(), type, "Ledger " + type.name().toLowerCase(), redirectUri, scopes);
    }

    private static String verdict(int step) {
        return _get(Span.class, spec -> spec.withId("flow-step-" + step + "-verdict"))
                .getText();
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static void click(String id) {
        ButtonKt._click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static void secret(int step, String value) {
        HasValueUtilsKt._setValue(
                _get(PasswordField.class, spec -> spec.withId("flow-step-" + step + "-secret")), value);
    }

    /** Builds the request, consents over HTTP and pastes the URL the browser came back to. */
    private String authorizeAndPaste() {
        click("flow-start");
        assertThat(verdict(3)).isEqualTo("Waiting");
        String url = _get(TextArea.class, spec -> spec.withId("flow-authorization-url"))
                .getValue();
        String back = new SandboxConsent(baseUrl()).authorize(url, email);
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("flow-callback-url")), back);
        click("flow-check-callback");
        return back;
    }

    @Test
    void step_one_adds_the_portals_callback_with_an_audit_entry_and_refuses_an_unregistered_redirect_uri() {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read");
        ui().navigate("clients/" + client.id() + "/flow-test");
        @SuppressWarnings("unchecked")
        ComboBox<String> uri = _get(ComboBox.class, spec -> spec.withId("flow-redirect-uri"));
        assertThat(uri.getValue()).isEqualTo(APP_CALLBACK);
        assertThat(verdict(1)).as("nothing ran yet").isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("flow-start")).isEnabled())
                .isTrue();

        click("flow-add-callback");
        assertThat(uri.getValue()).isEqualTo(baseUrl() + "/flowtest/callback");
        assertThat(text("flow-step-1-result")).contains("the portal captures the code");
        assertThat(_find(Button.class, spec -> spec.withId("flow-add-callback")))
                .as("hidden once registered")
                .isEmpty();
        assertThat(clients.get(client.id()).redirectUris())
                .extracting(RedirectUri::value)
                .contains(baseUrl() + "/flowtest/callback");
        assertThat(audit.historyOf(client.id()).getFirst().changes())
                .anySatisfy(change -> assertThat(change.newValue()).contains("/flowtest/callback"));

        ComboBoxKt._fireCustomValueSet(uri, APP_CALLBACK + "/");
        assertThat(verdict(1)).isEqualTo("Failed");
        assertThat(_get(Paragraph.class, spec -> spec.withId("flow-step-1-cause"))
                        .getText())
                .contains("redirect_uri not registered exactly; you sent " + APP_CALLBACK + "/, registered is "
                        + APP_CALLBACK);
        assertThat(_get(Button.class, spec -> spec.withId("flow-start")).isEnabled())
                .isFalse();
    }

    @Test
    void step_one_is_marked_passed_only_once_the_flow_starts_with_its_redirect_uri() {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read");
        ui().navigate("clients/" + client.id() + "/flow-test");
        assertThat(verdict(1)).isEmpty();
        assertThat(verdict(2)).isEmpty();

        click("flow-start");

        assertThat(verdict(1)).isEqualTo("Passed");
        assertThat(text("flow-step-1-result")).contains("paste the full URL your app was redirected to");
        assertThat(verdict(3)).isEqualTo("Waiting");
    }

    @Test
    void the_sign_in_step_stops_waiting_once_a_good_callback_arrives_but_not_for_a_bad_one() {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read");
        ui().navigate("clients/" + client.id() + "/flow-test");
        click("flow-start");
        HasValueUtilsKt._setValue(
                _get(TextField.class, spec -> spec.withId("flow-callback-url")),
                APP_CALLBACK + "?code=abcdefghijklmnopqrstuvwxyz&state=someone-elses-state-value&iss=" + baseUrl()
                        + "/sandbox");
        click("flow-check-callback");
        assertThat(verdict(3)).isEqualTo("Waiting");
        assertThat(_get(Span.class, spec -> spec.withId("flow-waiting-text")).getText())
                .startsWith("A callback arrived but failed the checks in step 4");

        String url = _get(TextArea.class, spec -> spec.withId("flow-authorization-url"))
                .getValue();
        HasValueUtilsKt._setValue(
                _get(TextField.class, spec -> spec.withId("flow-callback-url")),
                new SandboxConsent(baseUrl()).authorize(url, email));
        click("flow-check-callback");

        assertThat(verdict(4)).isEqualTo("Passed");
        assertThat(verdict(3)).isEqualTo("Callback received");
        assertThat(_get(Span.class, spec -> spec.withId("flow-waiting-text")).getText())
                .isEqualTo("The callback arrived.");
    }

    @Test
    void a_scope_that_is_not_registered_is_refused_before_any_request_is_built() {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read");
        ui().navigate("clients/" + client.id() + "/flow-test");
        TextField scopes = _get(TextField.class, spec -> spec.withId("flow-scopes"));
        assertThat(scopes.getValue()).isEqualTo("vendors:read");

        HasValueUtilsKt._setValue(scopes, "vendors:read users:write");
        click("flow-start");

        assertThat(scopes.isInvalid()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("flow-step-2-error"))
                        .getText())
                .contains("\"users:write\" is not registered for this client");
        assertThat(_find(TextArea.class, spec -> spec.withId("flow-authorization-url")))
                .isEmpty();
        assertThat(verdict(3)).isEmpty();
    }

    @Test
    void a_callback_whose_state_does_not_match_fails_and_cancelling_starts_over() {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read");
        ui().navigate("clients/" + client.id() + "/flow-test");
        click("flow-start");
        assertThat(_get(TextField.class, spec -> spec.withId("flow-state")).getValue())
                .hasSize(43);
        assertThat(_get(TextField.class, spec -> spec.withId("flow-verifier")).getValue())
                .hasSize(43);

        HasValueUtilsKt._setValue(
                _get(TextField.class, spec -> spec.withId("flow-callback-url")),
                APP_CALLBACK + "?code=abcdefghijklmnopqrstuvwxyz&state=someone-elses-state-value&iss=" + baseUrl()
                        + "/sandbox");
        click("flow-check-callback");
        assertThat(verdict(4)).isEqualTo("Failed");
        assertThat(text("flow-step-4-result")).contains("state does not match", "cross-site request forgery");
        assertThat(_get(Button.class, spec -> spec.withId("flow-step-5-run")).isEnabled())
                .isFalse();

        click("flow-cancel");
        assertThat(verdict(3)).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("flow-start")).isEnabled())
                .isTrue();
    }

    @Test
    void a_confidential_client_runs_every_step_after_a_wrong_secret_is_refused_and_the_client_page_shows_the_run() {
        ClientDetails client = client(ClientType.CONFIDENTIAL, APP_CALLBACK, "vendors:read", "accounts:read");
        String secret = credentials
                .takeRevealAfterRegistration(client.id())
                .orElseThrow()
                .value();
        ui().navigate("clients/" + client.id() + "/flow-test");
        click("flow-add-callback");
        String back = authorizeAndPaste();
        assertThat(back).startsWith(baseUrl() + "/flowtest/callback?");
        assertThat(verdict(4)).isEqualTo("Passed");
        assertThat(text("flow-step-4-result"))
                .contains("state matches", "iss is " + baseUrl() + "/sandbox", "code received");

        secret(5, secret + "x");
        click("flow-step-5-run");
        assertThat(verdict(5)).isEqualTo("Failed");
        assertThat(text("flow-step-5-result")).contains("HTTP 401", "invalid_client", "The secret is wrong");
        assertThat(_get(PasswordField.class, spec -> spec.withId("flow-step-5-secret"))
                        .getValue())
                .isEmpty();
        secret(5, secret);
        click("flow-step-5-run");
        assertThat(verdict(5)).isEqualTo("Passed");
        assertThat(_get(Pre.class, spec -> spec.withId("flow-curl")).getText())
                .contains("$CLIENT_SECRET")
                .doesNotContain(secret);
        assertThat(text("flow-step-5-result"))
                .contains("Authorization: Basic base64(", "\"access_token\"")
                .doesNotContain(secret);

        click("flow-step-6-run");
        assertThat(verdict(6)).isEqualTo("Passed");
        assertThat(text("flow-step-6-result"))
                .contains(
                        "GET /api/v1/introspect → HTTP 200",
                        "GET /api/v1/vendors → HTTP 200",
                        "Nordic Office Supplies");
        secret(7, secret);
        click("flow-step-7-run");
        assertThat(verdict(7)).isEqualTo("Passed");
        assertThat(text("flow-step-7-result")).contains("A new refresh token was issued", "HTTP 400 invalid_grant");

        assertThat(verdict(8)).isEqualTo("Passed");
        assertThat(_get(Div.class, spec -> spec.withId("flow-checks"))
                        .getChildren()
                        .map(line -> line.getElement().getAttribute("data-passed")))
                .containsExactly("true", "true", "true", "true");
        assertThat(text("flow-check-refresh-works")).contains("Refresh works (step 7)");

        ui().navigate("clients/" + client.id() + "/flow");
        assertThat(_get(Span.class, spec -> spec.withId("flow-test-status")).getText())
                .startsWith("Passed 4/4 on ");
    }

    @Test
    void a_refresh_token_already_used_elsewhere_fails_the_refresh_step_and_says_the_authorization_is_revoked()
            throws Exception {
        ClientDetails client = client(ClientType.PUBLIC, "http://127.0.0.1:53123/spa/callback", "accounts:read");
        ui().navigate("clients/" + client.id() + "/flow-test");
        assertThat(_get(Span.class, spec -> spec.withId("flow-step-1-verdict")).getText())
                .isEmpty();
        assertThat(_find(PasswordField.class, spec -> spec.withId("flow-step-5-secret")))
                .as("no secret")
                .isEmpty();
        authorizeAndPaste();
        click("flow-step-5-run");
        assertThat(verdict(5)).isEqualTo("Passed");

        String refreshToken = activeRuns
                .byState(
                        _get(TextField.class, spec -> spec.withId("flow-state")).getValue())
                .orElseThrow()
                .refreshToken();
        HttpResponse<String> used = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/oauth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                                        + refreshToken + "&client_id=" + client.sandboxClientId()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(used.statusCode()).isEqualTo(200);
        // Past the issuers' leeway for concurrent refreshes (at most a minute), a second use is a reuse.
        clock.advance(java.time.Duration.ofSeconds(61));

        click("flow-step-6-run");
        click("flow-step-7-run");
        assertThat(verdict(7)).isEqualTo("Failed");
        assertThat(_get(Paragraph.class, spec -> spec.withId("flow-step-7-cause"))
                        .getText())
                .contains("used before", "revoked the whole authorization");
        assertThat(verdict(8)).isEqualTo("Failed");
        assertThat(text("flow-check-refresh-works")).contains("Failed");
        assertThat(text("flow-check-access-token-retrieved")).contains("Passed");
    }

    @Test
    void a_client_without_a_run_says_so_on_its_page() {
        ClientDetails client = client(ClientType.PUBLIC, "http://127.0.0.1:53123/spa/callback", "accounts:read");
        ui().navigate("clients/" + client.id() + "/flow");
        assertThat(_get(Span.class, spec -> spec.withId("flow-test-status")).getText())
                .isEqualTo("No test run");
    }
}
