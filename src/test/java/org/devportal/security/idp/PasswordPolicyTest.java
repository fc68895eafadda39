package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_long_passphrase_is_accepted() {
        assertThat(PasswordPolicy.problem("correct horse battery staple", "ada@example.com"))
                .isNull();
    }

    @Test
    void short_empty_and_overlong_passwords_are_refused_with_the_reason() {
        assertThat(PasswordPolicy.problem("", null)).isEqualTo("Enter a password");
        assertThat(PasswordPolicy.problem("elevenchars", null)).contains("at least 12 characters");
        assertThat(PasswordPolicy.problem("x".repeat(129) + "yz", null)).contains("at most 128");
    }

    @Test
    void common_and_repetitive_passwords_are_refused() {
        assertThat(PasswordPolicy.problem("Password1234", null)).contains("too easy to guess");
        assertThat(PasswordPolicy.problem("abababababab", null)).contains("too easy to guess");
    }

    @Test
    void the_email_address_may_not_be_the_password() {
        assertThat(PasswordPolicy.problem("xada@example.comx", "ada@example.com"))
                .contains("e-mail address");
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        assertThat(PasswordPolicy.problem("😀😀😀😀😀😀😀😀😀😀😀", null)).contains("at least 12");
    }
}
