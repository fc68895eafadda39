package org.devportal.clients.redirecturi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.devportal.base.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors for the redirect-URI rules of docs/client-rules.md. Each states the outcome in the sandbox and in production:
 * accepted, or the number of the first rule that fails and words its message must contain.
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
        RedirectUriVerdict verdict = policy.verdict(uri, environment);
        if (rule == ACCEPTED) {
            assertThat(verdict.error()).as("%s in %s", uri, environment).isEmpty();
            assertThat(verdict.uri()).map(RedirectUri::value).contains(uri);
        } else {
            assertThat(verdict.error())
                    .as("%s in %s", uri, environment)
                    .get()
                    .satisfies(v -> assertThat(v.rule()).as("rule").isEqualTo(rule))
                    .satisfies(v -> assertThat(v.message()).contains(keyWords));
            assertThat(verdict.uri()).isEmpty();
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
        assertThat(policy.verdict("https://app.example.com/cb#top", Environment.SANDBOX)
                        .error())
                .contains(new RedirectUriViolation(
                        6, "Fragments (#…) are not allowed in redirect URIs; remove the # and everything after it"));
    }

    @Test
    void wildcards_are_rejected_with_advice_to_register_each_uri_exactly() {
        assertThat(policy.verdict("https://*.example.com/cb", Environment.PRODUCTION)
                        .error())
                .contains(new RedirectUriViolation(
                        2, "Wildcards (*) are not supported; register each redirect URI exactly"));
    }

    @Test
    void a_uri_of_2048_characters_is_accepted_and_one_of_2049_is_not() {
        assertThat(policy.verdict(uriOfLength(2048), Environment.PRODUCTION).error())
                .isEmpty();
        assertThat(policy.verdict(uriOfLength(2049), Environment.PRODUCTION).error())
                .map(RedirectUriViolation::rule)
                .contains(1);
    }

    @Test
    void an_upper_case_platform_host_fails_the_canonical_form_rule_before_the_platform_rule() {
        assertThat(policy.verdict("https://app.PLEO.io/cb", Environment.SANDBOX).error())
                .map(RedirectUriViolation::rule)
                .contains(5);
    }

    @Test
    void platform_domains_from_configuration_match_in_any_letter_case() {
        RedirectUriPolicy configured = new RedirectUriPolicy(List.of("Pleo.IO", "pleo.com"));

        assertThat(configured
                        .verdict("https://app.pleo.io/cb", Environment.SANDBOX)
                        .error())
                .map(RedirectUriViolation::rule)
                .contains(9);
        assertThat(configured
                        .verdict("https://pleo.com/cb", Environment.SANDBOX)
                        .error())
                .map(RedirectUriViolation::rule)
                .contains(9);
        assertThat(configured
                        .verdict("https://notpleo.com/cb", Environment.SANDBOX)
                        .error())
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
        assertThat(policy.verdict(null, Environment.SANDBOX).error())
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
            assertThat(policy.verdict(candidate, Environment.PRODUCTION).error())
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
    void an_accepted_uri_is_kept_exactly_as_entered() {
        String entered = "https://app.example.com/cb?b=2&a=1&next=%2f";

        assertThat(policy.verdict(entered, Environment.PRODUCTION).uri())
                .hasValueSatisfying(uri ->
                        assertThat(uri).isEqualTo(RedirectUri.of(entered)).hasToString(entered));
    }

    @Test
    void a_refused_uri_carries_the_message_of_the_first_failed_rule() {
        assertThat(policy.verdict("http://localhost:8080/cb", Environment.PRODUCTION)
                        .error())
                .map(RedirectUriViolation::message)
                .contains("Refused for production: http is only allowed for localhost, 127.0.0.1 and [::1] in the "
                        + "sandbox; use https");
    }

    @Test
    void a_loopback_uri_warns_of_every_rule_it_would_break_in_production() {
        List<RedirectUriViolation> problems =
                policy.verdict("http://localhost:8080/cb", Environment.SANDBOX).productionWarnings();

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
        assertThat(policy.verdict("https://api.internal/cb", Environment.SANDBOX)
                        .productionWarnings())
                .singleElement()
                .extracting(RedirectUriViolation::rule)
                .isEqualTo(8);
    }

    @Test
    void a_public_https_uri_has_no_production_problems() {
        assertThat(policy.verdict("https://app.example.com/cb", Environment.SANDBOX)
                        .productionWarnings())
                .isEmpty();
    }

    @Test
    void a_client_needs_at_least_one_redirect_uri() {
        assertThat(policy.evaluate(List.of(), Environment.SANDBOX).firstError())
                .contains(new RedirectUriViolation(1, "Add at least one redirect URI"));
        assertThat(policy.evaluate(null, Environment.SANDBOX).firstError())
                .map(RedirectUriViolation::rule)
                .contains(1);
    }

    @Test
    void a_client_may_register_ten_redirect_uris_but_not_eleven() {
        assertThat(policy.evaluate(numberedUris(10), Environment.PRODUCTION).firstError())
                .isEmpty();
        assertThat(policy.evaluate(numberedUris(11), Environment.PRODUCTION).firstError())
                .hasValueSatisfying(violation -> {
                    assertThat(violation.rule()).isEqualTo(1);
                    assertThat(violation.message())
                            .contains("at most 10 redirect URIs")
                            .endsWith("remove 1");
                });
    }

    @Test
    void an_exact_duplicate_is_named_by_its_position() {
        List<String> uris =
                List.of("https://app.example.com/a", "https://app.example.com/b", "https://app.example.com/a");

        assertThat(policy.evaluate(uris, Environment.SANDBOX).firstError())
                .contains(new RedirectUriViolation(
                        1, "Redirect URI 3 is the same as redirect URI 1; remove one of them"));
    }

    @Test
    void uris_that_differ_only_in_case_are_not_duplicates() {
        List<String> uris = List.of("https://app.example.com/cb", "https://app.example.com/CB");

        assertThat(policy.evaluate(uris, Environment.SANDBOX).firstError()).isEmpty();
    }

    @Test
    void duplicates_are_reported_before_the_problems_of_single_uris() {
        List<String> uris = List.of("https://app.example.com/cb#x", "https://app.example.com/cb#x");

        assertThat(policy.evaluate(uris, Environment.SANDBOX).firstError())
                .map(RedirectUriViolation::message)
                .hasValueSatisfying(message -> assertThat(message).contains("Redirect URI 2 is the same"));
    }

    @Test
    void the_first_broken_uri_is_reported_with_its_position_and_rule() {
        List<String> uris =
                List.of("https://app.example.com/a", "http://localhost:8080/cb", "https://app.example.com/#c");

        assertThat(policy.evaluate(uris, Environment.SANDBOX).firstError()).hasValueSatisfying(violation -> {
            assertThat(violation.rule()).isEqualTo(6);
            assertThat(violation.message()).startsWith("Redirect URI 3: Fragments (#…) are not allowed");
        });
        assertThat(policy.evaluate(uris, Environment.PRODUCTION).firstError()).hasValueSatisfying(violation -> {
            assertThat(violation.rule()).isEqualTo(7);
            assertThat(violation.message()).startsWith("Redirect URI 2: Refused for production: http is only allowed");
        });
    }

    @Test
    void a_missing_entry_in_the_list_is_reported_as_missing() {
        List<String> uris = new ArrayList<>(List.of("https://app.example.com/a"));
        uris.add(null);

        assertThat(policy.evaluate(uris, Environment.SANDBOX).firstError())
                .map(RedirectUriViolation::message)
                .hasValueSatisfying(message -> assertThat(message).startsWith("Redirect URI 2: Enter a redirect URI"));
    }

    @Test
    void one_evaluation_returns_the_errors_by_position_and_the_production_warnings_together() {
        List<String> uris = List.of(
                "https://app.example.com/cb", "http://localhost:8080/cb", "https://app.example.com/#x", "ftp://x/");

        RedirectUriEvaluation evaluation = policy.evaluate(uris, Environment.SANDBOX);

        assertThat(evaluation.accepted()).isFalse();
        assertThat(evaluation.errors())
                .extracting(RedirectUriViolation::rule, RedirectUriViolation::message)
                .containsExactly(
                        tuple(
                                6,
                                "Redirect URI 3: Fragments (#…) are not allowed in redirect URIs; remove the # and "
                                        + "everything after it"),
                        tuple(
                                3,
                                "Redirect URI 4: Redirect URIs must use https (http only for localhost in the "
                                        + "sandbox); other schemes such as javascript:, data: or file: are not allowed"));
        assertThat(evaluation.warnings()).extracting(RedirectUriViolation::rule).containsExactly(7, 8);
        assertThat(evaluation.warnings())
                .extracting(RedirectUriViolation::message)
                .allSatisfy(message -> assertThat(message)
                        .startsWith(
                                "Redirect URI 2: This URI works in the sandbox but will be refused for production: "));
        assertThat(evaluation.verdicts())
                .extracting(RedirectUriVerdict::position, RedirectUriVerdict::accepted)
                .containsExactly(tuple(1, true), tuple(2, true), tuple(3, false), tuple(4, false));
    }

    @Test
    void an_accepted_list_gives_its_uris_in_order_exactly_as_entered() {
        List<String> uris = List.of("https://app.example.com/b", "http://127.0.0.1/cb", "https://app.example.com/a");

        RedirectUriEvaluation evaluation = policy.evaluate(uris, Environment.SANDBOX);

        assertThat(evaluation.accepted()).isTrue();
        assertThat(evaluation.errors()).isEmpty();
        assertThat(evaluation.uris()).extracting(RedirectUri::value).containsExactlyElementsOf(uris);
    }

    @Test
    void the_uris_of_a_refused_list_cannot_be_taken() {
        RedirectUriEvaluation evaluation =
                policy.evaluate(List.of("https://app.example.com/a", "https://pleo.io/cb"), Environment.SANDBOX);

        assertThatIllegalArgumentException()
                .isThrownBy(evaluation::uris)
                .withMessageStartingWith("Redirect URI 2: Redirect URIs cannot point to the platform's own domain");
    }

    @Test
    void production_refuses_what_the_sandbox_only_warns_about_and_warns_about_nothing() {
        RedirectUriEvaluation evaluation = policy.evaluate(List.of("http://localhost:8080/cb"), Environment.PRODUCTION);

        assertThat(evaluation.warnings()).isEmpty();
        assertThat(evaluation.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.rule()).isEqualTo(7))
                .satisfies(error ->
                        assertThat(error.message()).startsWith("Redirect URI 1: Refused for production: http is only"));
    }

    @Test
    void a_list_over_the_limit_is_refused_as_a_whole_without_looking_at_its_uris() {
        RedirectUriEvaluation evaluation = policy.evaluate(numberedUris(11), Environment.SANDBOX);

        assertThat(evaluation.verdicts()).isEmpty();
        assertThat(evaluation.errors()).extracting(RedirectUriViolation::rule).containsExactly(1);
    }

    @Test
    void the_production_verdict_of_a_refused_uri_is_its_error_and_of_an_accepted_one_its_warnings() {
        assertThat(policy.verdict("https://app.example.com/cb#x", Environment.SANDBOX)
                        .productionProblems())
                .extracting(RedirectUriViolation::rule)
                .containsExactly(6);
        assertThat(policy.verdict("http://localhost:8080/cb", Environment.SANDBOX)
                        .productionProblems())
                .extracting(RedirectUriViolation::rule)
                .containsExactly(7, 8);
        assertThat(policy.verdict("https://app.example.com/cb", Environment.SANDBOX)
                        .productionProblems())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "not a url", "localhost:8080", ":", "a:", "//", "?", "#", "%", "http://[", "[::1]"})
    void text_that_is_not_a_url_is_refused_with_a_message_and_never_throws(String text) {
        for (Environment environment : Environment.values()) {
            assertThat(policy.verdict(text, environment).error())
                    .as("%s in %s", text, environment)
                    .hasValueSatisfying(
                            violation -> assertThat(violation.message()).isNotBlank());
        }
    }

    @Test
    void a_host_without_a_scheme_is_asked_to_be_absolute() {
        assertThat(policy.verdict("localhost", Environment.SANDBOX).error())
                .contains(new RedirectUriViolation(
                        3, "Redirect URIs must be absolute: start with https:// followed by the host"));
        assertThat(policy.verdict("not a url", Environment.SANDBOX).error())
                .contains(new RedirectUriViolation(
                        2,
                        "Spaces, tabs and line breaks are not allowed in redirect URIs; percent-encode a space in "
                                + "the path or query as %20"));
    }

    private static List<String> numberedUris(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "https://app.example.com/cb/" + i)
                .toList();
    }
}
