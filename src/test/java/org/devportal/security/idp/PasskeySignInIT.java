package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.audit.AuditFilter;
import org.devportal.audit.AuditRecord;
import org.devportal.audit.PortalAudit;
import org.devportal.base.FieldChange;
import org.devportal.base.InvalidInputException;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The second factor at the built-in identity provider over real HTTP: after the password, a reviewer without a
 * passkey reaches only the passkey registration, and one with a passkey must confirm with it; neither gets a
 * portal session before. Recovery codes come with the first passkey, work once each, and new ones replace the old.
 */
class PasskeySignInIT extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    AccountService accounts;

    @Autowired
    PasskeyService passkeys;

    @Autowired
    PublicKeyCredentialUserEntityRepository userEntities;

    @Autowired
    UserCredentialRepository credentials;

    @Autowired
    PortalAudit audit;

    private final HttpTestClient http = new HttpTestClient(baseUrl());

    private UUID account(String prefix, Role... roles) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.com";
        accounts.ensureDemoAccount(email, "Passkey Tester", PASSWORD, Set.of(roles));
        return accounts.findByEmail(email).orElseThrow().getId();
    }

    private String emailOf(UUID account) {
        return accounts.findById(account).orElseThrow().email();
    }

    /** Signs in with the password and follows the redirects as far as the provider lets the browser go. */
    private HttpResponse<String> afterPassword(UUID account) {
        HttpResponse<String> afterForm = http.submitSignIn(emailOf(account), PASSWORD);
        assertThat(HttpTestClient.location(afterForm)).startsWith(baseUrl() + "/idp/oauth2/authorize?");
        return http.get(HttpTestClient.location(afterForm));
    }

    @Test
    void a_reviewer_without_a_passkey_reaches_nothing_but_the_passkey_registration() {
        UUID reviewer = account("no-passkey-reviewer", Role.REVIEWER);

        HttpResponse<String> authorize = afterPassword(reviewer);

        assertThat(HttpTestClient.location(authorize)).endsWith("/idp/passkey/register");
        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
        HttpResponse<String> again = http.get("/oauth2/authorization/portal");
        assertThat(HttpTestClient.location(http.get(HttpTestClient.location(again))))
                .endsWith("/idp/passkey/register");
        assertThat(http.get("/idp/passkey/register").statusCode()).isEqualTo(200);
    }

    @Test
    void a_reviewer_with_a_passkey_must_confirm_with_it_before_the_portal_session_starts() {
        UUID reviewer = account("passkey-reviewer", Role.REVIEWER);
        TestPasskeys.register(userEntities, credentials, reviewer, "Laptop");

        HttpResponse<String> authorize = afterPassword(reviewer);

        assertThat(HttpTestClient.location(authorize)).endsWith("/idp/passkey");
        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void a_developer_who_added_a_passkey_confirms_with_it_too() {
        UUID developer = account("passkey-developer", Role.DEVELOPER);
        TestPasskeys.register(userEntities, credentials, developer, "Phone");

        assertThat(HttpTestClient.location(afterPassword(developer))).endsWith("/idp/passkey");
    }

    @Test
    void a_passkey_assertion_without_a_password_sign_in_is_refused() {
        http.follow(http.get("/"));
        HttpResponse<String> login = http.postForm("/login/webauthn", java.util.Map.of());

        assertThat(login.statusCode()).isIn(401, 403);
        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void each_recovery_code_works_once_and_the_use_is_logged() {
        UUID developer = account("codes", Role.DEVELOPER);
        assertThat(passkeys.passkeyAdded(developer)).isEmpty();
        TestPasskeys.register(userEntities, credentials, developer, "Security key");

        List<String> codes = passkeys.passkeyAdded(developer).orElseThrow();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}"));
        assertThat(passkeys.passkeyAdded(developer))
                .as("codes come with the first passkey only")
                .isEmpty();
        assertThat(passkeys.useRecoveryCode(developer, codes.get(0))).isEqualTo(9);
        assertThatThrownBy(() -> passkeys.useRecoveryCode(developer, codes.get(0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("used already");
        assertThat(passkeys.useRecoveryCode(
                        developer, codes.get(1).toLowerCase().replace("-", " ")))
                .isEqualTo(8);
        assertThatThrownBy(() -> passkeys.useRecoveryCode(developer, "2222-3333-4444-5555"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(passkeys.securityLog(developer))
                .containsSubsequence(
                        AccountEvent.Action.RECOVERY_CODE_USED,
                        AccountEvent.Action.RECOVERY_CODE_USED,
                        AccountEvent.Action.RECOVERY_CODES_ISSUED,
                        AccountEvent.Action.PASSKEY_ADDED);
    }

    @Test
    void new_recovery_codes_replace_the_old_ones() {
        UUID developer = account("regenerate", Role.DEVELOPER);
        TestPasskeys.register(userEntities, credentials, developer, "Security key");
        List<String> old = passkeys.passkeyAdded(developer).orElseThrow();
        signInAs(SignedIn.withSubject(developer.toString(), emailOf(developer), Role.DEVELOPER));

        List<String> fresh = passkeys.regenerateMyRecoveryCodes();

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(passkeys.myRecoveryCodesLeft()).isEqualTo(10);
        assertThatThrownBy(() -> passkeys.useRecoveryCode(developer, old.get(2)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(passkeys.useRecoveryCode(developer, fresh.get(2))).isEqualTo(9);
    }

    @Test
    void a_reviewer_cannot_remove_the_last_passkey_but_a_developer_can() {
        UUID reviewer = account("keep-one", Role.REVIEWER);
        String only = TestPasskeys.register(userEntities, credentials, reviewer, "Only key");
        signInAs(SignedIn.withSubject(reviewer.toString(), emailOf(reviewer), Role.REVIEWER));

        assertThatThrownBy(() -> passkeys.removeMyPasskey(only))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("need a passkey");
        String second = TestPasskeys.register(userEntities, credentials, reviewer, "Spare key");
        passkeys.removeMyPasskey(only);
        assertThat(passkeys.myPasskeys()).extracting(PasskeySummary::id).containsExactly(second);

        UUID developer = account("remove-all", Role.DEVELOPER);
        String key = TestPasskeys.register(userEntities, credentials, developer, "Key");
        passkeys.passkeyAdded(developer);
        signInAs(SignedIn.withSubject(developer.toString(), emailOf(developer), Role.DEVELOPER));
        passkeys.removeMyPasskey(key);
        assertThat(passkeys.myPasskeys()).isEmpty();
        assertThat(passkeys.myRecoveryCodesLeft()).isZero();
    }

    @Test
    void passkeys_and_recovery_codes_are_audited_with_the_account_as_actor_and_never_a_code() {
        UUID developer = account("audited", Role.DEVELOPER);
        String email = emailOf(developer);
        String key = TestPasskeys.register(userEntities, credentials, developer, "Audited key");
        List<String> first = passkeys.passkeyAdded(developer).orElseThrow();
        passkeys.useRecoveryCode(developer, first.get(0));
        signInAs(SignedIn.withSubject(developer.toString(), email, Role.DEVELOPER));
        List<String> fresh = passkeys.regenerateMyRecoveryCodes();
        passkeys.removeMyPasskey(key);

        signInAs("passkey-audit-admin-" + UUID.randomUUID() + "@example.com", Role.ADMIN);
        List<AuditRecord> log =
                audit.search(AuditFilter.ALL.withActor("Passkey Tester"), 0, PortalAudit.MAX_LIMIT).stream()
                        .filter(record -> record.changes().toString().contains(email))
                        .toList();

        assertThat(log)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(
                        "Passkey added",
                        "Recovery codes issued",
                        "Recovery code used",
                        "Recovery codes regenerated",
                        "Passkey removed");
        assertThat(log).allSatisfy(record -> {
            assertThat(record.actor()).isEqualTo("Passkey Tester");
            assertThat(record.teamId()).isNull();
            assertThat(record.clientId()).isNull();
        });
        assertThat(log)
                .filteredOn(record -> record.action().equals("Recovery code used"))
                .singleElement()
                .satisfies(record ->
                        assertThat(record.changes()).contains(new FieldChange("Unused recovery codes", "10", "9")));
        assertThat(log)
                .filteredOn(record -> record.action().equals("Passkey removed"))
                .singleElement()
                .satisfies(record ->
                        assertThat(record.changes()).contains(new FieldChange("Passkey", "Audited key", null)));
        String everything =
                log.stream().map(record -> record.changes().toString()).reduce("", String::concat);
        for (String code :
                java.util.stream.Stream.concat(first.stream(), fresh.stream()).toList()) {
            assertThat(everything).doesNotContain(code, code.replace("-", ""));
        }
        assertThat(everything).doesNotContain(key);
    }
}
