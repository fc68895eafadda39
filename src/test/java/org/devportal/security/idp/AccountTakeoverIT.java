package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-in needs a verified address, and a password reset ends every session signed in before it, over real HTTP:
 * the portal's session, the identity provider's own session, and a code issued but not yet redeemed.
 */
class AccountTakeoverIT extends IntegrationTest {

    private static final String ATTACKER_PASSWORD = "attacker picked this one";
    private static final String OWNER_PASSWORD = "the owner's own passphrase";

    @Autowired
    AccountService accounts;

    private String victim;

    @BeforeEach
    void newAddress() {
        victim = "victim-" + UUID.randomUUID() + "@corp.example";
    }

    @Test
    void an_unverified_account_cannot_sign_in_and_the_owner_takes_it_over_with_a_reset() {
        accounts.signUp(victim, "Not The Owner", ATTACKER_PASSWORD);
        HttpTestClient attacker = new HttpTestClient(baseUrl());

        HttpResponse<String> refused = attacker.submitSignIn(victim, ATTACKER_PASSWORD);

        assertThat(HttpTestClient.location(refused)).isEqualTo(baseUrl() + "/idp/login?error=unverified");
        assertThat(attacker.get("/clients").statusCode()).isEqualTo(302);

        accounts.requestPasswordReset(victim);
        assertThat(accounts.resetPassword(mail.lastToken(victim, "/idp/reset-password"), OWNER_PASSWORD))
                .isEqualTo(LinkCheck.VALID);

        assertThat(HttpTestClient.location(new HttpTestClient(baseUrl()).submitSignIn(victim, ATTACKER_PASSWORD)))
                .isEqualTo(baseUrl() + "/idp/login?error");
        HttpTestClient owner = new HttpTestClient(baseUrl());
        signInCompletely(owner, victim, OWNER_PASSWORD);
        assertThat(owner.get("/clients").statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_for_an_unverified_account_looks_like_any_wrong_password() {
        accounts.signUp(victim, "Not The Owner", ATTACKER_PASSWORD);

        HttpResponse<String> response = new HttpTestClient(baseUrl()).submitSignIn(victim, "a guess that is wrong");

        assertThat(HttpTestClient.location(response)).isEqualTo(baseUrl() + "/idp/login?error");
    }

    @Test
    void the_unverified_owner_can_ask_for_a_new_link_and_then_sign_in() {
        accounts.signUp(victim, "The Owner", OWNER_PASSWORD);
        String firstToken = mail.lastToken(victim, "/idp/verify");
        UUID account = accounts.findByEmail(victim).orElseThrow().getId();

        accounts.resendVerification(account);

        String secondToken = mail.lastToken(victim, "/idp/verify");
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(accounts.verifyEmail(firstToken)).isEqualTo(LinkCheck.USED);
        assertThat(accounts.verifyEmail(secondToken)).isEqualTo(LinkCheck.VALID);
        HttpTestClient owner = new HttpTestClient(baseUrl());
        signInCompletely(owner, victim, OWNER_PASSWORD);
        assertThat(owner.get("/clients").statusCode()).isEqualTo(200);
    }

    @Test
    void a_used_verification_link_can_ask_for_a_new_one_until_the_address_is_verified() {
        accounts.signUp(victim, "The Owner", OWNER_PASSWORD);
        String token = mail.lastToken(victim, "/idp/verify");
        accounts.resendVerification(accounts.findByEmail(victim).orElseThrow().getId());

        assertThat(accounts.resendVerificationFor(token)).isEqualTo(ResendResult.SENT);
        assertThat(accounts.verifyEmail(mail.lastToken(victim, "/idp/verify"))).isEqualTo(LinkCheck.VALID);
        assertThat(accounts.resendVerificationFor(token)).isEqualTo(ResendResult.ALREADY_VERIFIED);
        assertThat(accounts.resendVerificationFor("not-a-link")).isEqualTo(ResendResult.UNKNOWN_LINK);
    }

    @Test
    void a_password_reset_ends_every_session_signed_in_before_it() {
        accounts.ensureDemoAccount(victim, "The Owner", OWNER_PASSWORD, Set.of(Role.DEVELOPER));
        HttpTestClient leaked = new HttpTestClient(baseUrl());
        signInCompletely(leaked, victim, OWNER_PASSWORD);
        assertThat(leaked.get("/clients").statusCode()).isEqualTo(200);

        accounts.requestPasswordReset(victim);
        accounts.resetPassword(mail.lastToken(victim, "/idp/reset-password"), "a brand new passphrase");

        HttpResponse<String> after = leaked.get("/clients");
        assertThat(after.statusCode()).isEqualTo(302);
        // The identity provider's own session ended too: no fresh ID token without the new password.
        HttpResponse<String> landing = leaked.follow(after);
        assertThat(landing.uri().getPath()).isEqualTo("/idp/login");
        assertThat(leaked.get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void a_code_issued_before_a_reset_is_not_exchanged_for_an_id_token() {
        accounts.ensureDemoAccount(victim, "The Owner", OWNER_PASSWORD, Set.of(Role.DEVELOPER));
        HttpTestClient leaked = new HttpTestClient(baseUrl());
        HttpResponse<String> afterForm = leaked.submitSignIn(victim, OWNER_PASSWORD);
        String callback = HttpTestClient.location(leaked.get(HttpTestClient.location(afterForm)));
        assertThat(callback).contains("/login/oauth2/code/portal?code=");

        accounts.requestPasswordReset(victim);
        accounts.resetPassword(mail.lastToken(victim, "/idp/reset-password"), "a brand new passphrase");

        HttpResponse<String> response = leaked.get(callback);
        assertThat(HttpTestClient.location(response)).startsWith(baseUrl() + "/signin-error");
        assertThat(leaked.get("/clients").statusCode()).isEqualTo(302);
    }

    private void signInCompletely(HttpTestClient http, String email, String password) {
        HttpResponse<String> afterForm = http.submitSignIn(email, password);
        assertThat(HttpTestClient.location(afterForm)).startsWith(baseUrl() + "/idp/oauth2/authorize?");
        String callback = HttpTestClient.location(http.get(HttpTestClient.location(afterForm)));
        assertThat(callback).startsWith(baseUrl() + "/login/oauth2/code/portal?code=");
        http.get(callback);
    }
}
