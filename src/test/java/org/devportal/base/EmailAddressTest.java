package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada@example.com",
                "a.b+tag@sub.example.co.uk",
                "x_y-z@xn--bcher-kva.example",
                "o'brien@example.ie",
                "1@a.io"
            })
    void accepts_ordinary_addresses(String value) {
        assertThat(EmailAddress.of(value).value()).isEqualTo(value.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "plain",
                "@example.com",
                "ada@",
                "ada@@example.com",
                "ada@example",
                "ada@-example.com",
                "ada..b@example.com",
                ".ada@example.com",
                "ada@exa mple.com",
                "a<b>@example.com",
                "ada@example.com\n",
                " ada@example.com"
            })
    void rejects_malformed_addresses(String value) {
        assertThatThrownBy(() -> EmailAddress.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addresses_compare_equal_in_any_letter_case() {
        assertThat(EmailAddress.of("Ada@Example.COM")).isEqualTo(EmailAddress.of("ada@example.com"));
    }

    @Test
    void the_error_says_how_to_fix_it() {
        assertThatThrownBy(() -> EmailAddress.of("plain")).hasMessage("Enter an e-mail address like name@example.com");
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(250) + "@b.io")).hasMessageContaining("at most 254");
    }
}
