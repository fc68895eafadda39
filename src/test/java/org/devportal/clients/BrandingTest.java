package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.redirecturi.RedirectUriPolicy;
import org.junit.jupiter.api.Test;

class BrandingTest {

    private final Branding branding = new Branding("Pleo");
    private final ClientRules rules = new ClientRules("Pleo", new RedirectUriPolicy(List.of("pleo.io")));

    @Test
    void the_platform_name_in_any_letter_case_is_branding() {
        assertThat(branding.appearsIn("PLEO Sync")).isTrue();
        assertThat(branding.appearsIn("my pleo export")).isTrue();
        assertThat(branding.appearsIn("Ledger Sync")).isFalse();
    }

    @Test
    void cyrillic_homoglyphs_of_the_platform_name_are_branding() {
        // Cyrillic capital Er (U+0420) and small ie (U+0435) and o (U+043E) look like P, e and o.
        assertThat(branding.appearsIn("\u0420l\u0435\u043e Sync")).isTrue();
        assertThat(branding.appearsIn("P\u04cf\u0435o")).isTrue();
    }

    @Test
    void latin_look_alikes_such_as_a_capital_i_or_a_zero_are_branding() {
        assertThat(branding.appearsIn("PIeo Sync")).isTrue();
        assertThat(branding.appearsIn("Ple0 Sync")).isTrue();
        assertThat(branding.appearsIn("P1eo Sync")).isTrue();
    }

    @Test
    void an_internationalised_host_is_read_as_users_see_it() {
        // "pleо-accounting" with a Cyrillic о, registered as its A-label.
        String host = java.net.IDN.toASCII("ple\u043e-accounting.example.com");
        assertThat(host).startsWith("xn--");
        assertThat(branding.appearsInHost(host)).isTrue();
        assertThat(branding.appearsInHost("ledger.example.com")).isFalse();
    }

    @Test
    void a_zero_width_space_inside_the_platform_name_is_refused() {
        assertThatThrownBy(() -> rules.name("P\u200Bleo Sync"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invisible characters")
                .hasMessageContaining("U+200B");
    }

    @Test
    void zero_width_joiners_and_byte_order_marks_are_refused_in_any_name() {
        assertThatThrownBy(() -> new ClientName("Ledger\u200DSync")).hasMessageContaining("U+200D");
        assertThatThrownBy(() -> new ClientName("Ledger\uFEFF")).hasMessageContaining("U+FEFF");
        assertThatThrownBy(() -> new ClientName("Led\u00ADger")).hasMessageContaining("invisible characters");
    }

    @Test
    void bidirectional_controls_are_refused_in_names() {
        assertThatThrownBy(() -> new ClientName("Ledger \u202Ecnys"))
                .hasMessageContaining("bidirectional text controls")
                .hasMessageContaining("U+202E");
        assertThatThrownBy(() -> new ClientName("Ledger \u2066Sync\u2069")).hasMessageContaining("bidirectional");
        assertThatThrownBy(() -> new ClientName("Ledger\u200F")).hasMessageContaining("bidirectional");
    }

    @Test
    void homoglyph_names_are_refused_as_branding_and_honest_names_pass() {
        assertThatThrownBy(() -> rules.name("\u0420l\u0435o Connect"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Do not use Pleo branding");
        assertThat(rules.name("Ledger Sync").value()).isEqualTo("Ledger Sync");
        assertThat(rules.name("Łódź Ledger").value()).isEqualTo("Łódź Ledger");
    }
}
