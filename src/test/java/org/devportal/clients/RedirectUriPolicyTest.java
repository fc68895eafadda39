package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3.1 vectors. Each states the outcome in the sandbox and in production: accepted, or the number of the first
 * rule that fails and words its message must contain.
 */
class RedirectUriPolicyTest {

    private static final int ACCEPTED = 0;

    private final RedirectUriPolicy policy = new RedirectUriPolicy(List.of("pleo.io"));

    /** A candidate and what each environment must make of it. */
    record Vector(String uri, int sandboxRule, int productionRule, String keyWords) {

        @Override
        public String toString() {
            String shown = uri.length() > 80 ? uri.substring(0, 40) + "…(" + uri.length() + " characters)" : uri;
            return shown.replace("\n", "\\n").replace("\t", "\\t") + " → sandbox " + outcome(sandboxRule)
                    + ", production " + outcome(productionRule);
        }

        private static String outcome(int rule) {
            return rule == ACCEPTED ? "accepted" : "rule " + rule;
        }
    }

    private static Vector accepted(String uri) {
        return new Vector(uri, ACCEPTED, ACCEPTED, "");
    }

    private static Vector rejected(String uri, int rule, String keyWords) {
        return new Vector(uri, rule, rule, keyWords);
    }

    private static Vector sandboxOnly(String uri, int productionRule, String keyWords) {
        return new Vector(uri, ACCEPTED, productionRule, keyWords);
    }

    private static String uriOfLength(int length) {
        String start = "https://app.example.com/";
        return start + "a".repeat(length - start.length());
    }

    static Stream<Vector> uris_valid_everywhere() {
        return Stream.of(
                accepted("https://app.example.com/callback"),
                accepted("https://app.example.com"),
                accepted("https://app.example.com:8443/cb"),
                accepted("https://app.example.com:1/cb"),
                accepted("https://app.example.com:65535/cb"),
                accepted("https://a-b.example.co.uk/x_y/cb;v=1"),
                accepted("https://app.example.com/cb?tenant=42&codes=1"),
                accepted("https://app.example.com/cb?error_code=1&x=code"),
                accepted("https://app.example.com/cb?next=%2Fhome%3Fa%3D1"),
                accepted("https://app.example.com/cb?"),
                accepted("https://app.example.com/.well-known/cb"),
                accepted("https://app.example.com/a/.../b"),
                accepted("https://app.example.com/%7Euser/@me/cb"),
                accepted("https://xn--bcher-kva.com/cb"),
                accepted("https://notpleo.io/cb"),
                accepted("https://pleo.io.example.com/cb"),
                accepted(uriOfLength(2048)));
    }

    static Stream<Vector> uris_valid_only_in_the_sandbox() {
        return Stream.of(
                sandboxOnly("http://localhost:8080/cb", 7, "http is only allowed for localhost"),
                sandboxOnly("http://localhost/cb", 7, "http is only allowed for localhost"),
                sandboxOnly("http://127.0.0.1:3000/cb", 7, "http is only allowed for localhost"),
                sandboxOnly("http://[::1]:8080/cb", 7, "http is only allowed for localhost"),
                sandboxOnly("http://localhost:443/cb", 7, "use https"),
                sandboxOnly("https://localhost/cb", 8, "localhost is reserved"),
                sandboxOnly("https://foo.localhost/cb", 8, ".localhost"),
                sandboxOnly("https://127.0.0.1/cb", 8, "IP addresses are not allowed"),
                sandboxOnly("https://127.0.0.2/cb", 8, "IP addresses"),
                sandboxOnly("https://0.0.0.0/cb", 8, "IP addresses"),
                sandboxOnly("https://192.168.1.10:8443/cb", 8, "IP addresses"),
                sandboxOnly("https://[::1]/cb", 8, "IP addresses"),
                sandboxOnly("https://intranet/cb", 8, "single-label"),
                sandboxOnly("https://printer.local/cb", 8, ".local are reserved"),
                sandboxOnly("https://api.internal/cb", 8, ".internal"),
                sandboxOnly("https://shop.test/cb", 8, ".test"),
                sandboxOnly("https://app.example/cb", 8, ".example"),
                sandboxOnly("https://xn--bcher-kva.example/cb", 8, ".example"),
                sandboxOnly("https://x.invalid/cb", 8, ".invalid"),
                sandboxOnly("https://nas.home.arpa/cb", 8, ".home.arpa"),
                sandboxOnly("https://abcdefghijklmnop.onion/cb", 8, ".onion"));
    }

    static Stream<Vector> rule_1_length() {
        return Stream.of(rejected(uriOfLength(2049), 1, "at most 2048 characters"));
    }

    static Stream<Vector> rule_2_characters() {
        return Stream.of(
                rejected("https://app.example.com/my cb", 2, "Spaces"),
                rejected(" https://app.example.com/cb", 2, "Remove the spaces"),
                rejected("https://app.example.com/cb ", 2, "Remove the spaces"),
                rejected("https://app.example.com/cb\n", 2, "line breaks"),
                rejected("https://app.example.com/\tcb", 2, "tabs"),
                rejected("https://app.example.com/a\u00A0b", 2, "Spaces"),
                rejected("https://evil.com\\@good.com", 2, "\\ is not allowed"),
                rejected("https://app.example.com/{id}", 2, "{ is not allowed"),
                rejected("https://app.example.com/a|b", 2, "| is not allowed"),
                rejected("https://app.example.com/a^b", 2, "^ is not allowed"),
                rejected("https://app.example.com/a`b", 2, "` is not allowed"),
                rejected("https://app.example.com/<cb>", 2, "< is not allowed"),
                rejected("https://app.example.com/\"cb\"", 2, "\" is not allowed"),
                rejected("https://*.example.com/cb", 2, "Wildcards (*)"),
                rejected("https://app.example.com/*", 2, "Wildcards (*)"),
                rejected("https://app.example.com/cb?tenant=*", 2, "Wildcards (*)"),
                rejected("https://app.example.com/%00", 2, "control characters"),
                rejected("https://app.example.com/cb%0A", 2, "remove %0A"),
                rejected("https://app.example.com/%1F", 2, "control characters"),
                rejected("https://app.example.com/%7F", 2, "control characters"),
                rejected("https://app.example.com/%zz", 2, "write a literal % as %25"),
                rejected("https://app.example.com/50%", 2, "percent-encoded byte"),
                rejected("https://app.example.com/caf\u00E9", 2, "Only ASCII"),
                rejected("https://app.example.com/\u200Bcb", 2, "invisible"),
                rejected("https://app.example.com/\u202Ecb", 2, "invisible"),
                rejected("https://app.example.com/[cb]", 2, "Square brackets"),
                rejected("https://[::1/cb", 2, "Square brackets"),
                // The control character is found before the scheme is looked at.
                rejected("javascript://%0Aalert(1)", 2, "control characters"));
    }

    static Stream<Vector> rule_3_scheme() {
        return Stream.of(
                rejected("", 3, "Enter a redirect URI"),
                rejected("javascript:alert(1)", 3, "must use https"),
                rejected("data:text/plain,hello", 3, "must use https"),
                rejected("file:///etc/passwd", 3, "must use https"),
                rejected("ftp://app.example.com/cb", 3, "must use https"),
                rejected("com.example.app:/cb", 3, "Private-use schemes"),
                rejected("https:example.com", 3, "hierarchical"),
                rejected("https:/app.example.com/cb", 3, "hierarchical"),
                rejected("//app.example.com/cb", 3, "absolute"),
                rejected("app.example.com/cb", 3, "absolute"));
    }

    static Stream<Vector> rule_4_authority() {
        return Stream.of(
                rejected("https:///cb", 4, "Add a host"),
                rejected("https://:8443/cb", 4, "Add a host"),
                rejected("https://good.com@evil.com/", 4, "user-info"),
                rejected("https://good.com:443@evil.com", 4, "user-info"),
                rejected("https://user:secret@app.example.com/cb", 4, "user-info"),
                rejected("https://app.example.com:443/cb", 4, "Remove :443"),
                rejected("http://localhost:80/cb", 4, "Remove :80"),
                rejected("https://app.example.com:0/cb", 4, "from 1 to 65535"),
                rejected("https://app.example.com:65536/cb", 4, "from 1 to 65535"),
                rejected("https://app.example.com:99999999999/cb", 4, "from 1 to 65535"),
                rejected("https://app.example.com:https/cb", 4, "must be a number"),
                rejected("https://app.example.com:-1/cb", 4, "must be a number"),
                rejected("https://app.example.com:/cb", 4, "add a port number"),
                rejected("https://app.example.com:08443/cb", 4, "leading zeros"));
    }

    static Stream<Vector> rule_5_canonical_form() {
        return Stream.of(
                rejected("HTTPS://app.example.com/cb", 5, "scheme in lower case: https://"),
                rejected("Http://localhost:8080/cb", 5, "scheme in lower case: http://"),
                rejected("https://App.Example.com/cb", 5, "host in lower case"),
                rejected("http://LOCALHOST:8080/cb", 5, "host in lower case"),
                rejected("https://app.PLEO.io/cb", 5, "host in lower case"),
                rejected("https://app.example.com./cb", 5, "trailing dot"),
                rejected("http://localhost.:8080/", 5, "trailing dot"),
                rejected("https://b\u00FCcher.example/", 5, "A-labels (xn--"),
                rejected("https://[2001:db8::1]/", 5, "[::1]"),
                rejected("http://[::ffff:127.0.0.1]/cb", 5, "[::1]"),
                rejected("http://[0:0:0:0:0:0:0:1]/cb", 5, "[::1]"),
                rejected("https://[fe80::1%25en0]/cb", 5, "[::1]"),
                rejected("http://127.1/", 5, "four decimal numbers"),
                rejected("http://2130706433/", 5, "four decimal numbers"),
                rejected("http://0x7f.0.0.1/", 5, "four decimal numbers"),
                rejected("http://0177.0.0.1/", 5, "four decimal numbers"),
                rejected("http://127.000.000.001/", 5, "four decimal numbers"),
                rejected("https://256.0.0.1/cb", 5, "four decimal numbers"),
                rejected("https://app..example.com/cb", 5, "empty part"),
                rejected("https://-app.example.com/cb", 5, "hyphen"),
                rejected("https://app_1.example.com/cb", 5, "letters, digits, hyphens and dots"),
                rejected("https://%61pp.example.com/cb", 5, "letters, digits, hyphens and dots"),
                rejected("https://" + "a".repeat(64) + ".example.com/cb", 5, "at most 63"));
    }

    static Stream<Vector> rule_6_fragment_path_and_query() {
        return Stream.of(
                rejected("https://app.example.com/cb#section", 6, "Fragments (#…) are not allowed"),
                rejected("https://app.example.com/cb#", 6, "Fragments (#…) are not allowed"),
                rejected("https://app.example.com/a/../b", 6, "Dot-segments"),
                rejected("https://app.example.com/./cb", 6, "Dot-segments"),
                rejected("https://app.example.com/cb/..", 6, "Dot-segments"),
                rejected("https://app.example.com/%2e%2e/cb", 6, "Dot-segments"),
                rejected("https://app.example.com/%2E/cb", 6, "Dot-segments"),
                rejected("https://app.example.com/.%2e/cb", 6, "Dot-segments"),
                rejected("https://app.example.com/file%2Ejson", 6, "Encoded dots"),
                rejected("https://app.example.com/cb?code=abc", 6, "Remove the code parameter"),
                rejected("https://app.example.com/cb?a=1&state=x", 6, "Remove the state parameter"),
                rejected("https://app.example.com/cb?error=x", 6, "Remove the error parameter"),
                rejected("https://app.example.com/cb?error_description=x", 6, "error_description"),
                rejected("https://app.example.com/cb?error_uri=x", 6, "error_uri"),
                rejected("https://app.example.com/cb?iss", 6, "Remove the iss parameter"),
                rejected("https://app.example.com/cb?%73tate=1", 6, "Remove the state parameter"),
                rejected("https://app.example.com/cb?STATE=1", 6, "Remove the state parameter"));
    }

    static Stream<Vector> rule_7_http_outside_loopback() {
        return Stream.of(
                rejected("http://app.example.com/cb", 7, "http is only allowed for localhost"),
                rejected("http://foo.localhost/cb", 7, "http is only allowed for localhost"),
                rejected("http://127.0.0.2/cb", 7, "http is only allowed for localhost"),
                rejected("http://0.0.0.0/cb", 7, "http is only allowed for localhost"),
                rejected("http://192.168.1.10/cb", 7, "http is only allowed for localhost"));
    }

    static Stream<Vector> rule_9_platform_domain() {
        return Stream.of(
                rejected("https://pleo.io/cb", 9, "platform's own domain pleo.io"),
                rejected("https://app.pleo.io/cb", 9, "platform's own domain"),
                rejected("https://a.b.pleo.io:8443/cb", 9, "sub-domains"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uris_valid_everywhere")
    void well_formed_https_uris_on_public_hosts_are_accepted_in_both_environments(Vector vector) {
        assertOutcome(vector);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uris_valid_only_in_the_sandbox")
    void loopback_private_and_reserved_hosts_are_accepted_only_in_the_sandbox(Vector vector) {
        assertOutcome(vector);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({
        "rule_1_length",
        "rule_2_characters",
        "rule_3_scheme",
        "rule_4_authority",
        "rule_5_canonical_form",
        "rule_6_fragment_path_and_query",
        "rule_7_http_outside_loopback",
        "rule_9_platform_domain"
    })
    void a_broken_rule_is_reported_with_its_number_and_advice(Vector vector) {
        assertOutcome(vector);
    }

    private void assertOutcome(Vector vector) {
        assertOutcome(vector.uri(), Environment.SANDBOX, vector.sandboxRule(), vector.keyWords());
        assertOutcome(vector.uri(), Environment.PRODUCTION, vector.productionRule(), vector.keyWords());
    }

    private void assertOutcome(String uri, Environment environment, int rule, String keyWords) {
        Optional<RedirectUriViolation> violation = policy.check(uri, environment);
        if (rule == ACCEPTED) {
            assertThat(violation).as("%s in %s", uri, environment).isEmpty();
            assertThat(policy.parse(uri, environment).value()).isEqualTo(uri);
        } else {
            assertThat(violation)
                    .as("%s in %s", uri, environment)
                    .get()
                    .satisfies(v -> assertThat(v.rule()).as("rule").isEqualTo(rule))
                    .satisfies(v -> assertThat(v.message()).contains(keyWords));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> policy.parse(uri, environment))
                    .withMessage(violation.get().message());
        }
    }

    @Test
    void the_vectors_number_well_over_sixty() {
        long count = Stream.of(
                        uris_valid_everywhere(),
                        uris_valid_only_in_the_sandbox(),
                        rule_1_length(),
                        rule_2_characters(),
                        rule_3_scheme(),
                        rule_4_authority(),
                        rule_5_canonical_form(),
                        rule_6_fragment_path_and_query(),
                        rule_7_http_outside_loopback(),
                        rule_9_platform_domain())
                .flatMap(vectors -> vectors)
                .map(Vector::uri)
                .distinct()
                .count();
        assertThat(count).isGreaterThanOrEqualTo(60);
    }

    @Test
    void redirect_uri_with_fragment_is_rejected() {
        assertThat(policy.check("https://app.example.com/cb#top", Environment.SANDBOX))
                .contains(new RedirectUriViolation(
                        6, "Fragments (#…) are not allowed in redirect URIs; remove the # and everything after it"));
    }

    @Test
    void wildcards_are_rejected_with_advice_to_register_each_uri_exactly() {
        assertThat(policy.check("https://*.example.com/cb", Environment.PRODUCTION))
                .contains(new RedirectUriViolation(
                        2, "Wildcards (*) are not supported; register each redirect URI exactly"));
    }

    @Test
    void a_uri_of_2048_characters_is_accepted_and_one_of_2049_is_not() {
        assertThat(policy.check(uriOfLength(2048), Environment.PRODUCTION)).isEmpty();
        assertThat(policy.check(uriOfLength(2049), Environment.PRODUCTION))
                .map(RedirectUriViolation::rule)
                .contains(1);
    }

    @Test
    void an_upper_case_platform_host_fails_the_canonical_form_rule_before_the_platform_rule() {
        assertThat(policy.check("https://app.PLEO.io/cb", Environment.SANDBOX))
                .map(RedirectUriViolation::rule)
                .contains(5);
    }

    @Test
    void platform_domains_from_configuration_match_in_any_letter_case() {
        RedirectUriPolicy configured = new RedirectUriPolicy(List.of("Pleo.IO", "pleo.com"));

        assertThat(configured.check("https://app.pleo.io/cb", Environment.SANDBOX))
                .map(RedirectUriViolation::rule)
                .contains(9);
        assertThat(configured.check("https://pleo.com/cb", Environment.SANDBOX))
                .map(RedirectUriViolation::rule)
                .contains(9);
        assertThat(configured.check("https://notpleo.com/cb", Environment.SANDBOX))
                .isEmpty();
    }

    @Test
    void a_blank_platform_domain_is_a_configuration_error() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedirectUriPolicy(List.of(" ")))
                .withMessageContaining("platform domain");
    }

    @Test
    void a_missing_uri_asks_for_one() {
        assertThat(policy.check(null, Environment.SANDBOX))
                .map(RedirectUriViolation::message)
                .hasValueSatisfying(message -> assertThat(message).startsWith("Enter a redirect URI"));
    }

    @Test
    void messages_never_echo_the_uri() {
        List<String> candidates = List.of(
                "https://good.com@evil.com/cb",
                "https://app.example.com/cb#secret-token",
                "https://app.example.com/cb?code=secret",
                "javascript:alert(document.cookie)",
                "https://App.Example.com/secret-path",
                uriOfLength(2049));
        for (String candidate : candidates) {
            assertThat(policy.check(candidate, Environment.PRODUCTION))
                    .as(candidate)
                    .get()
                    .extracting(RedirectUriViolation::message)
                    .asString()
                    .doesNotContain(candidate)
                    .doesNotContain("secret")
                    .doesNotContain("cookie");
        }
    }

    @Test
    void parse_keeps_the_uri_exactly_as_entered() {
        String entered = "https://app.example.com/cb?b=2&a=1&next=%2f";

        assertThat(policy.parse(entered, Environment.PRODUCTION))
                .isEqualTo(new RedirectUri(entered))
                .hasToString(entered);
    }

    @Test
    void parse_refuses_with_the_message_of_the_first_failed_rule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.parse("http://localhost:8080/cb", Environment.PRODUCTION))
                .withMessage("Refused for production: http is only allowed for localhost, 127.0.0.1 and [::1] in the "
                        + "sandbox; use https");
    }

    @Test
    void a_loopback_uri_warns_of_every_rule_it_would_break_in_production() {
        List<RedirectUriViolation> problems = policy.productionProblems(RedirectUri.of("http://localhost:8080/cb"));

        assertThat(problems).extracting(RedirectUriViolation::rule).containsExactly(7, 8);
        assertThat(problems)
                .extracting(RedirectUriViolation::message)
                .allSatisfy(message -> assertThat(message)
                        .startsWith("This URI works in the sandbox but will be refused for production: "));
        assertThat(problems.getFirst().message()).contains("http is only allowed for localhost");
        assertThat(problems.getLast().message()).contains("localhost is reserved");
    }

    @Test
    void an_https_uri_on_a_private_name_warns_only_about_reachability() {
        assertThat(policy.productionProblems(RedirectUri.of("https://api.internal/cb")))
                .singleElement()
                .extracting(RedirectUriViolation::rule)
                .isEqualTo(8);
    }

    @Test
    void a_public_https_uri_has_no_production_problems() {
        assertThat(policy.productionProblems(RedirectUri.of("https://app.example.com/cb")))
                .isEmpty();
    }

    @Test
    void a_client_needs_at_least_one_redirect_uri() {
        assertThat(policy.checkList(List.of(), Environment.SANDBOX))
                .contains(new RedirectUriViolation(1, "Add at least one redirect URI"));
        assertThat(policy.checkList(null, Environment.SANDBOX))
                .map(RedirectUriViolation::rule)
                .contains(1);
    }

    @Test
    void a_client_may_register_ten_redirect_uris_but_not_eleven() {
        assertThat(policy.checkList(numberedUris(10), Environment.PRODUCTION)).isEmpty();
        assertThat(policy.checkList(numberedUris(11), Environment.PRODUCTION)).hasValueSatisfying(violation -> {
            assertThat(violation.rule()).isEqualTo(1);
            assertThat(violation.message()).contains("at most 10 redirect URIs").endsWith("remove 1");
        });
    }

    @Test
    void an_exact_duplicate_is_named_by_its_position() {
        List<String> uris =
                List.of("https://app.example.com/a", "https://app.example.com/b", "https://app.example.com/a");

        assertThat(policy.checkList(uris, Environment.SANDBOX))
                .contains(new RedirectUriViolation(
                        1, "Redirect URI 3 is the same as redirect URI 1; remove one of them"));
    }

    @Test
    void uris_that_differ_only_in_case_are_not_duplicates() {
        List<String> uris = List.of("https://app.example.com/cb", "https://app.example.com/CB");

        assertThat(policy.checkList(uris, Environment.SANDBOX)).isEmpty();
    }

    @Test
    void duplicates_are_reported_before_the_problems_of_single_uris() {
        List<String> uris = List.of("https://app.example.com/cb#x", "https://app.example.com/cb#x");

        assertThat(policy.checkList(uris, Environment.SANDBOX))
                .map(RedirectUriViolation::message)
                .hasValueSatisfying(message -> assertThat(message).contains("Redirect URI 2 is the same"));
    }

    @Test
    void the_first_broken_uri_is_reported_with_its_position_and_rule() {
        List<String> uris =
                List.of("https://app.example.com/a", "http://localhost:8080/cb", "https://app.example.com/#c");

        assertThat(policy.checkList(uris, Environment.SANDBOX)).hasValueSatisfying(violation -> {
            assertThat(violation.rule()).isEqualTo(6);
            assertThat(violation.message()).startsWith("Redirect URI 3: Fragments (#…) are not allowed");
        });
        assertThat(policy.checkList(uris, Environment.PRODUCTION)).hasValueSatisfying(violation -> {
            assertThat(violation.rule()).isEqualTo(7);
            assertThat(violation.message()).startsWith("Redirect URI 2: Refused for production: http is only allowed");
        });
    }

    @Test
    void a_missing_entry_in_the_list_is_reported_as_missing() {
        List<String> uris = new ArrayList<>(List.of("https://app.example.com/a"));
        uris.add(null);

        assertThat(policy.checkList(uris, Environment.SANDBOX))
                .map(RedirectUriViolation::message)
                .hasValueSatisfying(message -> assertThat(message).startsWith("Redirect URI 2: Enter a redirect URI"));
    }

    private static List<String> numberedUris(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "https://app.example.com/cb/" + i)
                .toList();
    }
}
