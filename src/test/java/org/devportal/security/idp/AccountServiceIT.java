package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.LinkToken;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountServiceIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final String email = "account-" + UUID.randomUUID() + "@example.com";

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void signing_up_creates_an_unverified_developer_and_mails_a_verification_link() {
        accounts.signUp(email, "Ada Lovelace", PASSWORD);

        Account account = repository.findByEmail(email).orElseThrow();
        assertThat(account.emailVerified()).isFalse();
        assertThat(account.roles()).containsExactly(Role.DEVELOPER);
        assertThat(account.passwordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(mail.lastLink(email, AccountService.VERIFY_PATH))
                .hasValueSatisfying(link -> assertThat(link).startsWith(baseUrl() + "/idp/verify?token="));
    }

    @Test
    void the_verification_link_verifies_the_address_once() {
        accounts.signUp(email, "Ada Lovelace", PASSWORD);
        String token = mail.lastToken(email, AccountService.VERIFY_PATH);

        assertThat(accounts.verifyEmail(token)).isEqualTo(LinkCheck.VALID);
        assertThat(repository.findByEmail(email).orElseThrow().emailVerified()).isTrue();
        assertThat(accounts.verifyEmail(token)).isEqualTo(LinkCheck.USED);
    }

    @Test
    void an_expired_verification_link_does_not_verify() {
        accounts.signUp(email, "Ada Lovelace", PASSWORD);
        String token = mail.lastToken(email, AccountService.VERIFY_PATH);

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(accounts.verifyEmail(token)).isEqualTo(LinkCheck.EXPIRED);
        assertThat(repository.findByEmail(email).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void a_made_up_or_mangled_verification_link_is_invalid() {
        assertThat(accounts.verifyEmail("x".repeat(43))).isEqualTo(LinkCheck.INVALID);
        assertThat(accounts.verifyEmail("short")).isEqualTo(LinkCheck.INVALID);
        assertThat(accounts.verifyEmail(null)).isEqualTo(LinkCheck.INVALID);
    }

    @Test
    void only_a_hash_of_the_link_token_is_stored() {
        accounts.signUp(email, "Ada Lovelace", PASSWORD);
        String token = mail.lastToken(email, AccountService.VERIFY_PATH);

        String rows = "select count(*) from idp_account_token where token_hash = ?";
        assertThat(jdbc.queryForObject(rows, Integer.class, token)).isZero();
        assertThat(jdbc.queryForObject(rows, Integer.class, new LinkToken(token).hash()))
                .isEqualTo(1);
    }

    @Test
    void signing_up_again_with_a_registered_address_changes_nothing_and_tells_the_owner() {
        accounts.signUp(email, "Ada Lovelace", PASSWORD);
        String hashBefore = repository.findByEmail(email).orElseThrow().passwordHash();

        accounts.signUp(email.toUpperCase(), "Someone Else", "another long passphrase");

        assertThat(repository.findByEmail(email).orElseThrow().passwordHash()).isEqualTo(hashBefore);
        assertThat(mail.sentTo(email))
                .last()
                .satisfies(message -> assertThat(message.getSubject()).isEqualTo("You already have an account"));
    }

    @Test
    void sign_up_rejects_bad_input_with_a_message_for_the_field() {
        assertThatThrownBy(() -> accounts.signUp("not-an-address", "Ada", PASSWORD))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
        assertThatThrownBy(() -> accounts.signUp(email, "  ", PASSWORD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Enter your name");
        assertThatThrownBy(() -> accounts.signUp(email, "Ada", "short"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 12 characters");
        assertThat(repository.findByEmail(email)).isEmpty();
    }

    @Test
    void a_password_reset_link_sets_a_new_password_once() {
        accounts.ensureDemoAccount(email, "Ada", PASSWORD, Set.of(Role.DEVELOPER));
        accounts.requestPasswordReset(email);
        String token = mail.lastToken(email, AccountService.RESET_PATH);

        assertThat(accounts.checkResetLink(token)).isEqualTo(LinkCheck.VALID);
        assertThat(accounts.resetPassword(token, "a brand new passphrase")).isEqualTo(LinkCheck.VALID);

        assertThat(passwordEncoder.matches(
                        "a brand new passphrase",
                        repository.findByEmail(email).orElseThrow().passwordHash()))
                .isTrue();
        assertThat(accounts.resetPassword(token, "yet another passphrase")).isEqualTo(LinkCheck.USED);
    }

    @Test
    void an_expired_reset_link_changes_nothing() {
        accounts.ensureDemoAccount(email, "Ada", PASSWORD, Set.of(Role.DEVELOPER));
        accounts.requestPasswordReset(email);
        String token = mail.lastToken(email, AccountService.RESET_PATH);

        clock.advance(Duration.ofMinutes(61));

        assertThat(accounts.resetPassword(token, "a brand new passphrase")).isEqualTo(LinkCheck.EXPIRED);
        assertThat(passwordEncoder.matches(
                        PASSWORD, repository.findByEmail(email).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void a_new_reset_link_invalidates_the_previous_one() {
        accounts.ensureDemoAccount(email, "Ada", PASSWORD, Set.of(Role.DEVELOPER));
        accounts.requestPasswordReset(email);
        String first = mail.lastToken(email, AccountService.RESET_PATH);
        accounts.requestPasswordReset(email);

        assertThat(accounts.checkResetLink(first)).isEqualTo(LinkCheck.USED);
    }

    @Test
    void a_reset_request_for_an_unknown_address_sends_nothing() {
        accounts.requestPasswordReset(email);

        assertThat(mail.sentTo(email)).isEmpty();
    }

    @Test
    void a_weak_new_password_is_refused_and_the_link_stays_usable() {
        accounts.ensureDemoAccount(email, "Ada", PASSWORD, Set.of(Role.DEVELOPER));
        accounts.requestPasswordReset(email);
        String token = mail.lastToken(email, AccountService.RESET_PATH);

        assertThatThrownBy(() -> accounts.resetPassword(token, "password1234"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too easy to guess");
        assertThat(accounts.checkResetLink(token)).isEqualTo(LinkCheck.VALID);
    }

    @Test
    void only_an_admin_can_list_accounts_or_grant_the_reviewer_role() {
        accounts.ensureDemoAccount(email, "Ada", PASSWORD, Set.of(Role.DEVELOPER));
        UUID id = repository.findByEmail(email).orElseThrow().getId();

        SignedIn.as("dev@example.com", Role.DEVELOPER);
        assertThatThrownBy(accounts::listAccounts).isInstanceOf(CurrentUser.AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setReviewer(id, true)).isInstanceOf(CurrentUser.AccessDeniedException.class);

        SignedIn.as("admin@example.com", Role.DEVELOPER, Role.ADMIN);
        assertThat(accounts.setReviewer(id, true).roles()).contains(Role.REVIEWER);
        assertThat(accounts.listAccounts()).anySatisfy(a -> {
            assertThat(a.email()).isEqualTo(email);
            assertThat(a.roles()).contains(Role.REVIEWER);
        });
        assertThat(accounts.setReviewer(id, false).roles()).doesNotContain(Role.REVIEWER);
    }

    @Test
    void nobody_signed_in_cannot_list_accounts() {
        assertThatThrownBy(accounts::listAccounts)
                .isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
