package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void short_plain_text_is_kept_as_it_is() {
        assertThat(Excerpt.of("invalid_scope: vendors:write", 80)).isEqualTo("invalid_scope: vendors:write");
        assertThat(Excerpt.of(null, 80)).isNull();
    }

    @Test
    void control_and_format_characters_become_single_spaces() {
        assertThat(Excerpt.of("line one\r\nline two\u0000\u202Eevil\t\tend  ", 80))
                .isEqualTo("line one line two evil end");
        assertThat(Excerpt.of("\n\n  leading", 80)).isEqualTo("leading");
    }

    @Test
    void long_text_is_cut_with_an_ellipsis_to_the_limit() {
        String excerpt = Excerpt.of("x".repeat(8192), 80);

        assertThat(excerpt).hasSize(80).endsWith("…").startsWith("xxxx");
        assertThat(Excerpt.of("y".repeat(80), 80)).isEqualTo("y".repeat(80));
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String excerpt = Excerpt.of("a" + "😀".repeat(100), 10);

        assertThat(excerpt).isEqualTo("a" + "😀".repeat(4) + "…").hasSize(10);
        assertThat(Excerpt.of("ab" + "😀".repeat(100), 10)).isEqualTo("ab" + "😀".repeat(3) + "…");
    }

    @Test
    void an_excerpt_has_at_least_one_character() {
        assertThatThrownBy(() -> Excerpt.of("text", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
