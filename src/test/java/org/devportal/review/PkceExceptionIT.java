package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The PKCE exception from the team's request to the production issuer: asked for with a reason by a confidential
 * client only, granted or refused with the approval, honoured by production alone, and taken away only through a
 * review.
 */
class PkceExceptionIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";
    private static final String REASON = "Our server-side SDK predates PKCE; the upgrade ships next quarter.";

    @Autowired
    AccountService accounts;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    CredentialService credentials;

    private final String developerEmail = "pkce-dev-" + UUID.randomUUID() + "@example.com";
    private String developer;
    private UUID teamId;

    @BeforeEach
    void signInADeveloperWithATeam() {
        developer = TestAccounts.ensure(accounts, developerEmail, "Pkce Dev", OAuthFlow.PASSWORD, Role.DEVELOPER);
        asDeveloper();
        teamId = newTeam("Pkce").id();
    }

    private void asDeveloper() {
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
    }

    private void asReviewer() {
        SignedIn.as("pkce-reviewer-" + UUID.randomUUID() + "@example.com", Role.REVIEWER);
    }

    private ClientDetails clientAskingForTheException(String name) {
        ClientDetails client =
                ReviewFixture.completeClient(clients, logos, teamId, name, ClientType.CONFIDENTIAL, CALLBACK);
        return clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withPkceException(REASON).build());
    }

    private static Map<String, String> withoutPkce() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("code_challenge", null);
        overrides.put("code_challenge_method", null);
        return overrides;
    }

    @Test
    void a_public_client_cannot_ask_for_a_pkce_exception() {
        ClientDetails client =
                ReviewFixture.completeClient(clients, logos, teamId, "Ledger Spa", ClientType.PUBLIC, CALLBACK);

        assertThatThrownBy(() -> clients.update(
                        client.id(),
                        client.version(),
                        TestClients.from(client).withPkceException(REASON).build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pkce"))
                .hasMessageContaining("Public clients cannot have a PKCE exception");
    }

    @Test
    void asking_for_an_exception_needs_a_written_reason() {
        ClientDetails client =
                ReviewFixture.completeClient(clients, logos, teamId, "Ledger Mute", ClientType.CONFIDENTIAL, CALLBACK);

        assertThatThrownBy(() -> clients.update(
                        client.id(),
                        client.version(),
                        TestClients.from(client).withPkceException("  ").build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pkceExceptionReason"))
                .hasMessageContaining("Explain why");
    }

    @Test
    void the_requested_exception_shows_in_the_diff_and_the_reviewer_must_grant_or_refuse_it() {
        ClientDetails client = clientAskingForTheException("Ledger Diff");
        ReviewRecord review = reviews.submit(client.id(), "");
        asReviewer();

        FieldDiff pkce = reviews.details(review.id()).diff().stream()
                .filter(field -> field.field().equals("PKCE"))
                .findFirst()
                .orElseThrow();
        assertThat(pkce.risks()).containsExactly(Risk.PKCE_EXCEPTION);
        assertThat(pkce.after()).contains(REASON);
        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), "Fine"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pkceException"))
                .hasMessageContaining("grant or refuse");
        assertThatThrownBy(
                        () -> reviews.approveWith(review.id(), review.version(), new Approval(" ", PkceDecision.GRANT)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.WAITING);
    }

    @Test
    void the_production_issuer_accepts_a_granted_exception_without_a_code_challenge_and_the_sandbox_refuses_it() {
        ClientDetails client = clientAskingForTheException("Ledger Legacy");
        ReviewRecord review = reviews.submit(client.id(), "");
        asReviewer();
        reviews.approveWith(
                review.id(), review.version(), new Approval("Confirmed the SDK roadmap", PkceDecision.GRANT));
        asDeveloper();
        ClientSecret secret = credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW);
        ClientDetails approved = clients.get(client.id());
        String productionId = approved.productionClientId().toString();
        assertThat(approved.pkceRequired()).isFalse();
        SecurityContextHolder.clearContext();
        OAuthFlow flow = new OAuthFlow(baseUrl());

        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl("/production", productionId, CALLBACK, "vendors:read", "p", withoutPkce()),
                developerEmail,
                "/production",
                productionId,
                List.of("vendors:read"));
        assertThat(callback).containsKey("code").doesNotContainKey("error");
        HttpResponse<String> tokens = flow.token(
                "/production",
                productionId,
                secret.value(),
                Map.of("grant_type", "authorization_code", "code", callback.get("code"), "redirect_uri", CALLBACK));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.body()).contains("access_token");

        HttpResponse<String> sandbox = flow.open(
                flow.authorizeUrl(
                        "/sandbox",
                        approved.sandboxClientId().toString(),
                        CALLBACK,
                        "vendors:read",
                        "s",
                        withoutPkce()),
                developerEmail);
        String answer = HttpTestClient.isRedirect(sandbox)
                ? String.valueOf(OAuthFlow.query(HttpTestClient.location(sandbox)))
                : sandbox.body();
        assertThat(answer).contains("PKCE is required");
        assertThat(HttpTestClient.isRedirect(sandbox) ? HttpTestClient.location(sandbox) : "")
                .doesNotContain("/consent");
    }

    @Test
    void a_refused_exception_keeps_pkce_required_in_production_and_withdraws_the_request() {
        ClientDetails client = clientAskingForTheException("Ledger Refused");
        ReviewRecord review = reviews.submit(client.id(), "");
        asReviewer();
        reviews.approveWith(review.id(), review.version(), new Approval(null, PkceDecision.REFUSE));
        asDeveloper();
        ClientDetails approved = clients.get(client.id());
        SecurityContextHolder.clearContext();

        assertThat(approved.pkceRequired()).isTrue();
        assertThat(approved.pkceExceptionReason()).isNull();
        assertThat(approved.unapprovedChanges()).isFalse();
        HttpResponse<String> production = new OAuthFlow(baseUrl())
                .open(
                        new OAuthFlow(baseUrl())
                                .authorizeUrl(
                                        "/production",
                                        approved.productionClientId().toString(),
                                        CALLBACK,
                                        "vendors:read",
                                        "p",
                                        withoutPkce()),
                        developerEmail);
        assertThat(HttpTestClient.location(production)).contains("error=invalid_request");
    }

    @Test
    void taking_the_exception_away_is_a_technical_change_that_waits_for_review() {
        ClientDetails client = clientAskingForTheException("Ledger Upgrade");
        ReviewRecord review = reviews.submit(client.id(), "");
        asReviewer();
        reviews.approveWith(review.id(), review.version(), new Approval("Roadmap seen", PkceDecision.GRANT));
        asDeveloper();
        ClientDetails approved = clients.get(client.id());

        ClientDetails edited = clients.update(
                approved.id(),
                approved.version(),
                TestClients.from(approved).withPkceException(null).build());

        assertThat(edited.pkceRequired()).isTrue();
        assertThat(edited.unapprovedChanges())
                .as("production keeps the exception until a review")
                .isTrue();
        ReviewRecord second = reviews.submit(edited.id(), "SDK upgraded");
        asReviewer();
        FieldDiff pkce = reviews.details(second.id()).diff().stream()
                .filter(field -> field.field().equals("PKCE"))
                .findFirst()
                .orElseThrow();
        assertThat(pkce.changed()).isTrue();
        assertThat(pkce.before()).contains(REASON);
        assertThat(pkce.after()).isEqualTo("S256 required");
    }
}
