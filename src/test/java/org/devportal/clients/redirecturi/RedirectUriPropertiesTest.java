package org.devportal.clients.redirecturi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devportal.base.Environment;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties that must hold for any text at all, not just the examples in the other tests: reading a redirect URI
 * never fails with anything but the package's own refusal, and what the rules accept is kept exactly as entered.
 * The inputs are arbitrary strings (every code point, lone surrogates included) and strings built from the pieces
 * that URI parsers trip over: odd schemes, user-info, brackets, ports, percent-escapes, dot-segments, non-ASCII.
 * A failure prints the smallest input it could shrink to and the seed to replay it with ({@code -DQT_SEED=...}).
 */
class RedirectUriPropertiesTest {

    private static final int EXAMPLES = 10_000;

    private final RedirectUriPolicy policy = new RedirectUriPolicy(List.of("pleo.io"));

    private static final List<RedirectUri> REGISTERED = List.of(
            RedirectUri.of("https://app.example.com/callback"),
            RedirectUri.of("https://app.example.com/callback?x=1"),
            RedirectUri.of("http://127.0.0.1/callback"),
            RedirectUri.of("http://127.0.0.1:8080/cb?a=b"),
            RedirectUri.of("http://[::1]/callback"),
            RedirectUri.of("http://localhost:3000/callback"));

    @Test
    void reading_any_text_as_a_redirect_uri_either_keeps_it_exactly_or_refuses_it_with_a_message() {
        qt().withExamples(EXAMPLES).forAll(anyText()).checkAssert(RedirectUriPropertiesTest::ofKeepsOrRefuses);
        qt().withExamples(EXAMPLES).forAll(uriLike()).checkAssert(RedirectUriPropertiesTest::ofKeepsOrRefuses);
    }

    @Test
    void the_policy_judges_any_text_in_both_environments_without_failing_and_keeps_what_it_accepts() {
        qt().withExamples(EXAMPLES).forAll(anyText()).checkAssert(this::policyJudges);
        qt().withExamples(EXAMPLES).forAll(uriLike()).checkAssert(this::policyJudges);
    }

    @Test
    void text_without_a_scheme_is_refused_with_a_message_rather_than_a_crash() {
        for (String text : List.of("localhost", "not a url", "", ":", "//", "[", "%", "http", "127.0.0.1:8080")) {
            for (Environment environment : Environment.values()) {
                assertThat(policy.verdict(text, environment).error())
                        .as("%s in %s", text, environment)
                        .hasValueSatisfying(error -> assertThat(error.message()).isNotBlank());
            }
        }
    }

    @Test
    void a_whole_list_of_arbitrary_uris_is_judged_without_failing() {
        qt().withExamples(EXAMPLES / 4)
                .forAll(lists().of(uriLike().mix(anyText(), 20)).ofSizeBetween(0, 12))
                .checkAssert(entered -> {
                    for (Environment environment : Environment.values()) {
                        RedirectUriEvaluation evaluation = policy.evaluate(entered, environment);
                        if (evaluation.accepted()) {
                            assertThat(evaluation.uris())
                                    .extracting(RedirectUri::value)
                                    .containsExactlyElementsOf(entered);
                        } else {
                            assertThat(evaluation.firstError())
                                    .hasValueSatisfying(
                                            error -> assertThat(error.message()).isNotBlank());
                        }
                    }
                });
    }

    @Test
    void matching_any_requested_text_against_registered_uris_never_fails_and_only_the_port_may_differ() {
        qt().withExamples(EXAMPLES).forAll(anyText()).checkAssert(requested -> matches(requested, REGISTERED));
        qt().withExamples(EXAMPLES).forAll(uriLike()).checkAssert(requested -> matches(requested, REGISTERED));
    }

    @Test
    void matching_never_fails_on_stored_values_that_no_longer_pass_the_rules() {
        // Stored values are loaded unchecked, so the matcher meets whatever the rules once allowed, or worse.
        qt().withExamples(EXAMPLES)
                .forAll(uriLike().mix(anyText(), 30), uriLike())
                .checkAssert((stored, requested) -> {
                    List<RedirectUri> registered = new ArrayList<>(REGISTERED);
                    registered.add(RedirectUri.fromStorage(stored));
                    matches(requested, registered);
                    matches(stored, registered);
                });
    }

    private static void ofKeepsOrRefuses(String text) {
        RedirectUri uri;
        try {
            uri = RedirectUri.of(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).as("refusal of %s", text).isNotBlank();
            return;
        }
        assertThat(uri.value()).isEqualTo(text);
        assertThat(uri.host()).isNotEmpty();
        assertThat(RedirectUriMatch.find(text, List.of(uri))).contains(uri);
    }

    private void policyJudges(String text) {
        RedirectUriVerdict sandbox = policy.verdict(text, Environment.SANDBOX);
        RedirectUriVerdict production = policy.verdict(text, Environment.PRODUCTION);
        for (RedirectUriVerdict verdict : List.of(sandbox, production)) {
            assertThat(verdict.accepted()).isNotEqualTo(verdict.error().isPresent());
            verdict.uri().ifPresent(uri -> assertThat(uri.value()).isEqualTo(text));
            verdict.error().ifPresent(error -> assertThat(error.message()).isNotBlank());
        }
        WebOrigin.parse(text).ifPresent(origin -> {
            assertThat(origin.value()).isEqualTo(text);
            assertThat(REGISTERED.stream().filter(origin::isOriginOf))
                    .allSatisfy(uri -> assertThat(uri.value()).startsWith("http"));
        });
        for (Environment environment : Environment.values()) {
            // The client's other web addresses share the checks, so they must be as robust.
            WebUri.check(text, environment)
                    .ifPresent(problem -> assertThat(problem).isNotBlank());
        }
        if (production.accepted()) {
            assertThat(sandbox.accepted())
                    .as("production accepts %s, so the sandbox must", text)
                    .isTrue();
            assertThat(sandbox.productionWarnings()).isEmpty();
        }
        if (sandbox.accepted()) {
            // Every redirect URI the sandbox accepts passes the rules that RedirectUri.of checks on its own.
            assertThat(RedirectUri.of(text).value()).isEqualTo(text);
        }
    }

    private static void matches(String requested, List<RedirectUri> registered) {
        Optional<RedirectUri> match = RedirectUriMatch.find(requested, registered);
        if (match.isEmpty() || match.get().value().equals(requested)) {
            return;
        }
        // The one exception to byte-for-byte equality: a loopback IP literal over http, on any port.
        UriParts request = UriParts.split(requested);
        UriParts registration = match.get().parts();
        assertThat(request.scheme()).isEqualTo("http");
        assertThat(Hosts.isLoopbackIpLiteral(request.host())).isTrue();
        assertThat(request.host()).isEqualTo(registration.host());
        assertThat(request.pathQueryAndFragment()).isEqualTo(registration.pathQueryAndFragment());
        assertThat(Integer.parseInt(request.port())).isBetween(1, 65535);
    }

    /** Any text: every code point, lone surrogates and control characters included. */
    private static Gen<String> anyText() {
        return strings()
                .allPossible()
                .ofLengthBetween(0, 40)
                .mix(strings().ascii().ofLengthBetween(0, 60), 50);
    }

    /** Text shaped like a URI, from the pieces that the rules and parsers disagree about. */
    private static Gen<String> uriLike() {
        Gen<String> scheme = pick(
                "https",
                "http",
                "HTTPS",
                "Http",
                "ftp",
                "javascript",
                "data",
                "file",
                "com.example.app",
                "",
                "h",
                "1http",
                "ht tp",
                "ä");
        Gen<String> separator = pick("://", "://", "://", ":", ":/", "//", ":///", "", ":\\\\");
        Gen<String> userInfo = pick("", "", "", "user@", "a:b@", "@", "good.com@", "%40@", "[@", "@@");
        Gen<String> host = pick(
                        "app.example.com",
                        "localhost",
                        "127.0.0.1",
                        "[::1]",
                        "[::1",
                        "::1]",
                        "[::2]",
                        "[",
                        "]",
                        "[]",
                        "",
                        "LOCALHOST",
                        "xn--bcher-kva.example",
                        "bücher.example",
                        "example.com.",
                        "0x7f.0.0.1",
                        "127.1",
                        "2130706433",
                        "256.1.1.1",
                        "a..b",
                        "-a.com",
                        "app.pleo.io",
                        "a_b.com",
                        "%61pp.com",
                        "\u202Eevil.com",
                        "😀.com")
                .mix(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 12), 20);
        Gen<String> port = pick(
                        "",
                        "",
                        ":",
                        ":0",
                        ":1",
                        ":080",
                        ":8080",
                        ":443",
                        ":80",
                        ":65535",
                        ":65536",
                        ":-1",
                        ":+1",
                        ":1e3",
                        ":99999999999999999999",
                        ": 1",
                        ":٣")
                .mix(integers().all().map(n -> ":" + n), 15);
        Gen<String> pathPiece = pick(
                "/",
                "/callback",
                "/.",
                "/..",
                "/%2e",
                "/%2E%2e",
                "/%",
                "/%z1",
                "/%00",
                "/%7f",
                "/%20",
                "/ ",
                "/é",
                "/%C3%A9",
                "/*",
                "/[x]",
                "/\\",
                "/\t",
                "/\u00A0",
                "/a%2",
                "//",
                "/\uD800");
        Gen<String> path = lists().of(pathPiece).ofSizeBetween(0, 4).map(pieces -> String.join("", pieces));
        Gen<String> query = pick(
                "",
                "",
                "?",
                "?x=1",
                "?code=1",
                "?%73tate=x",
                "?State=x",
                "?a=b&&",
                "?=",
                "?&",
                "?iss",
                "?error_description=%",
                "?a=%zz",
                "?#");
        Gen<String> fragment = pick("", "", "", "#", "#x", "#%");
        Gen<String> authority = userInfo.zip(host, port, (u, h, p) -> u + h + p);
        Gen<String> afterScheme = authority.zip(path, query, fragment, (a, p, q, f) -> a + p + q + f);
        return scheme.zip(separator, afterScheme, (s, sep, rest) -> s + sep + rest);
    }

    private static Gen<String> pick(String... values) {
        return Generate.pick(List.of(values));
    }
}
