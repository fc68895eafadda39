package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.review.ReviewTest.snapshot;

import java.util.List;
import java.util.Optional;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.junit.jupiter.api.Test;

class ReviewChecksTest {

    private final ReviewChecks checks = new ReviewChecks("Pleo", List.of("pleo.io"));

    private static CheckResult check(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_complete_public_https_revision_passes_every_check_but_the_missing_test() {
        List<CheckResult> results = checks.of(
                snapshot("Ledger Sync", List.of("https://app.ledger.example.com/cb"), List.of("vendors:read")),
                Optional.empty());
        assertThat(results)
                .filteredOn(r -> !r.name().equals("Guided test"))
                .allMatch(r -> r.verdict() == CheckResult.Verdict.PASS, "all pass");
        assertThat(check(results, "Guided test").verdict()).isEqualTo(CheckResult.Verdict.WARN);
        assertThat(check(
                                checks.of(
                                        snapshot(
                                                "Ledger Sync",
                                                List.of("https://app.ledger.example.com/cb"),
                                                List.of("vendors:read")),
                                        Optional.of("Passed 4/4")),
                                "Guided test")
                        .verdict())
                .isEqualTo(CheckResult.Verdict.PASS);
    }

    @Test
    void http_and_special_use_redirect_hosts_fail() {
        List<CheckResult> results = checks.of(
                snapshot(
                        "Ledger Sync",
                        List.of("http://127.0.0.1/cb", "https://ledger.internal/cb"),
                        List.of("vendors:read")),
                Optional.empty());
        assertThat(check(results, "https everywhere").verdict()).isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(check(results, "Public redirect hosts").verdict()).isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(check(results, "Public redirect hosts").reason()).contains("ledger.internal");
    }

    @Test
    void platform_branding_in_the_name_or_a_host_fails() {
        assertThat(check(
                                checks.of(
                                        snapshot(
                                                "PLEO Sync",
                                                List.of("https://ledger.example.com/cb"),
                                                List.of("vendors:read")),
                                        Optional.empty()),
                                "No platform branding")
                        .verdict())
                .isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(check(
                                checks.of(
                                        snapshot(
                                                "Ledger",
                                                List.of("https://ledger.pleo.io/cb"),
                                                List.of("vendors:read")),
                                        Optional.empty()),
                                "No platform branding")
                        .reason())
                .contains("ledger.pleo.io");
    }

    @Test
    void a_public_client_without_pkce_fails_and_a_confidential_exception_warns() {
        ClientSnapshot base = snapshot("Ledger", List.of("https://ledger.example.com/cb"), List.of("vendors:read"));
        ClientSnapshot publicWithout = new ClientSnapshot(
                base.name(),
                base.clientUri(),
                base.logoHash(),
                base.tosUri(),
                base.policyUri(),
                base.contacts(),
                base.initiationUri(),
                base.settingsUri(),
                base.redirectUris(),
                base.scopes(),
                ClientType.PUBLIC,
                false,
                base.subjectType());
        ClientSnapshot confidentialWithout = new ClientSnapshot(
                base.name(),
                base.clientUri(),
                base.logoHash(),
                base.tosUri(),
                base.policyUri(),
                base.contacts(),
                base.initiationUri(),
                base.settingsUri(),
                base.redirectUris(),
                base.scopes(),
                ClientType.CONFIDENTIAL,
                false,
                base.subjectType());
        assertThat(check(checks.of(publicWithout, Optional.empty()), "PKCE").verdict())
                .isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(check(checks.of(confidentialWithout, Optional.empty()), "PKCE")
                        .verdict())
                .isEqualTo(CheckResult.Verdict.WARN);
    }

    @Test
    void a_missing_logo_or_missing_terms_fail() {
        ClientSnapshot base = snapshot("Ledger", List.of("https://ledger.example.com/cb"), List.of("vendors:read"));
        ClientSnapshot bare = new ClientSnapshot(
                base.name(),
                base.clientUri(),
                null,
                null,
                base.policyUri(),
                base.contacts(),
                base.initiationUri(),
                base.settingsUri(),
                base.redirectUris(),
                base.scopes(),
                base.clientType(),
                true,
                base.subjectType());
        List<CheckResult> results = checks.of(bare, Optional.empty());
        assertThat(check(results, "Logo").verdict()).isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(check(results, "Terms and privacy").reason()).contains("terms of service");
    }

    @Test
    void redirect_hosts_outside_the_client_uris_domain_warn() {
        CheckResult result = check(
                checks.of(
                        snapshot("Ledger", List.of("https://ledger-auth.example.net/cb"), List.of("vendors:read")),
                        Optional.empty()),
                "Redirect hosts and client URI");
        assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.WARN);
        assertThat(ReviewChecks.registrableDomain("app.ledger.co.uk")).isEqualTo("ledger.co.uk");
        assertThat(ReviewChecks.registrableDomain("a.b.ledger.example.com")).isEqualTo("example.com");
    }

    @Test
    void registrable_domains_come_from_the_public_suffix_list() {
        assertThat(ReviewChecks.registrableDomain("auth.ledger.co.uk")).isEqualTo("ledger.co.uk");
        assertThat(ReviewChecks.registrableDomain("app.ledger.com.au")).isEqualTo("ledger.com.au");
        // A private registry that a two-label list never knew: each site is its own registrable domain.
        assertThat(ReviewChecks.registrableDomain("ledger.github.io")).isEqualTo("ledger.github.io");
        assertThat(ReviewChecks.registrableDomain("other.github.io"))
                .isNotEqualTo(ReviewChecks.registrableDomain("ledger.github.io"));
        assertThat(ReviewChecks.registrableDomain("Ledger.Example.COM")).isEqualTo("example.com");
        assertThat(ReviewChecks.registrableDomain("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void redirect_hosts_on_two_sites_of_one_private_suffix_warn() {
        ClientSnapshot base = snapshot("Ledger", List.of("https://evil.github.io/cb"), List.of("vendors:read"));
        ClientSnapshot onPages = new ClientSnapshot(
                base.name(),
                "https://ledger.github.io",
                base.logoHash(),
                base.tosUri(),
                base.policyUri(),
                base.contacts(),
                base.initiationUri(),
                base.settingsUri(),
                base.redirectUris(),
                base.scopes(),
                base.clientType(),
                true,
                base.subjectType());
        CheckResult result = check(checks.of(onPages, Optional.empty()), "Redirect hosts and client URI");
        assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.WARN);
        assertThat(result.reason()).contains("evil.github.io");
    }

    @Test
    void a_homoglyph_of_the_platform_name_in_the_name_or_a_host_fails_the_branding_check() {
        String cyrillic = "\u0420l\u0435o";
        CheckResult byName = check(
                checks.of(
                        snapshot(cyrillic + " Sync", List.of("https://ledger.example.com/cb"), List.of("vendors:read")),
                        Optional.empty()),
                "No platform branding");
        assertThat(byName.verdict()).isEqualTo(CheckResult.Verdict.FAIL);
        String host = java.net.IDN.toASCII("ple\u043e.example.com");
        CheckResult byHost = check(
                checks.of(
                        snapshot("Ledger", List.of("https://" + host + "/cb"), List.of("vendors:read")),
                        Optional.empty()),
                "No platform branding");
        assertThat(byHost.verdict()).isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(byHost.reason()).contains(host);
    }
}
