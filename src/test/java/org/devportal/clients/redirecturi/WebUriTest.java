package org.devportal.clients.redirecturi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.devportal.base.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebUriTest {

    private static String uriOfLength(int length) {
        String start = "https://example.com/";
        return start + "a".repeat(length - start.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com",
                "https://example.com/terms",
                "https://www.example.co.uk/legal/privacy",
                "https://example.com:443/terms",
                "https://example.com:8443/settings?tab=sync&code=1",
                "https://example.com/docs/../terms",
                "https://example.com/search?q=*",
                "https://xn--bcher-kva.com/agb",
                "https://intranet/settings"
            })
    void absolute_https_addresses_are_accepted_in_both_environments(String value) {
        assertThat(WebUri.of(value).value()).isEqualTo(value);
        assertThat(WebUri.check(value, Environment.SANDBOX)).isEmpty();
        assertThat(WebUri.check(value, Environment.PRODUCTION)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000/settings", "http://127.0.0.1/terms", "http://[::1]:8080/start"})
    void http_on_loopback_hosts_is_accepted_only_in_the_sandbox(String value) {
        assertThat(WebUri.check(value, Environment.SANDBOX)).isEmpty();
        assertThat(WebUri.check(value, Environment.PRODUCTION))
                .hasValueSatisfying(message ->
                        assertThat(message).startsWith("Refused for production: http is only allowed for localhost"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                 | Enter an address
            example.com/terms                  | This address must be absolute
            ftp://example.com/terms            | This address must use https
            https:example.com                  | This address must be hierarchical
            https://user@example.com/terms     | This address cannot contain user-info
            https:///terms                     | Add a host
            https://example.com:0/terms        | from 1 to 65535
            HTTPS://example.com/terms          | scheme in lower case
            https://Example.com/terms          | host in lower case
            https://example.com./terms         | trailing dot
            https://bücher.example/agb         | A-labels
            https://[2001:db8::1]/terms        | [::1]
            http://127.1/terms                 | four decimal numbers
            https://example.com/terms#section  | Fragments (#…) are not allowed in this address
            https://example.com/my terms       | not allowed in this address
            https://example.com/{terms}        | { is not allowed in this address
            https://example.com/%00            | not allowed in this address
            http://example.com/terms           | http is only allowed for localhost
            http://foo.localhost/terms         | http is only allowed for localhost
            """)
    void a_malformed_address_is_refused_with_generic_advice(String value, String keyWords) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebUri.of(value))
                .withMessageContaining(keyWords)
                .withMessageNotContainingAny("redirect", "Redirect");
    }

    @Test
    void surrounding_spaces_are_refused_rather_than_trimmed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebUri.of(" https://example.com/terms"))
                .withMessage("Remove the spaces or line breaks around this address");
    }

    @Test
    void an_address_of_2048_characters_is_accepted_and_one_of_2049_is_not() {
        assertThat(WebUri.of(uriOfLength(2048)).value()).hasSize(2048);
        assertThat(WebUri.check(uriOfLength(2049), Environment.SANDBOX))
                .contains("This address can be at most 2048 characters long");
    }

    @Test
    void a_loopback_http_address_warns_that_production_will_refuse_it() {
        assertThat(WebUri.of("http://localhost:3000/settings").productionProblem())
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("This address works in the sandbox but will be refused for production: ")
                        .contains("http is only allowed for localhost"));
    }

    @Test
    void an_https_address_has_no_production_problem() {
        assertThat(WebUri.of("https://example.com/terms").productionProblem()).isEqualTo(Optional.empty());
    }

    @Test
    void null_is_refused_with_a_prompt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebUri(null))
                .withMessageStartingWith("Enter an address");
    }
}
