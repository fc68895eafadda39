package org.devportal.review;

import com.google.common.net.InternetDomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.devportal.clients.Branding;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.devportal.clients.ProductionReadiness;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.UriParts;

/**
 * The automatic checks a reviewer sees next to a revision. Each is pass, warn or fail with its reason; none of
 * them decides, the reviewer does. What a URI's host and scheme are is the redirect-URI package's answer, not a
 * parse of its own; https everywhere and public redirect hosts are the production rules that a submission is held
 * to ({@link ProductionReadiness}), shown again.
 */
public final class ReviewChecks {

    private final Branding branding;
    private final List<String> platformDomains;
    private final ProductionReadiness readiness;

    public ReviewChecks(String platformName, List<String> platformDomains) {
        this.branding = new Branding(platformName);
        this.platformDomains =
                platformDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.readiness = new ProductionReadiness(platformDomains);
    }

    /**
     * @param testEvidence what the latest guided test says: empty when no run passed after the last change that can
     *        affect the flow (a redirect URI or scope added or changed, another client type), otherwise a
     *        description of the passed run
     */
    public List<CheckResult> of(ClientSnapshot client, Optional<String> testEvidence) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(httpsEverywhere(client));
        checks.add(publicRedirectHosts(client));
        checks.add(noBranding(client));
        checks.add(
                client.logoHash() != null
                        ? pass(
                                ClientField.LOGO.label(),
                                "A square logo, cropped from at least 256×256 pixels and served at 512 px")
                        : fail(ClientField.LOGO.label(), "There is no logo"));
        checks.add(
                client.tosUri() != null && client.policyUri() != null
                        ? pass("Terms and privacy", "Both are linked")
                        : fail(
                                "Terms and privacy",
                                client.tosUri() == null
                                        ? "The terms of service URI is missing"
                                        : "The privacy policy URI is missing"));
        checks.add(pkce(client));
        checks.add(testEvidence
                .map(evidence -> pass("Guided test", evidence))
                .orElseGet(() -> warn(
                        "Guided test",
                        "No guided flow test has passed since a redirect URI or scope was last added or "
                                + "changed, or the client type changed")));
        checks.add(sameDomain(client));
        return checks;
    }

    private CheckResult httpsEverywhere(ClientSnapshot client) {
        List<String> plain = readiness.notHttps(client);
        return plain.isEmpty()
                ? pass("https everywhere", "Every address uses https")
                : fail("https everywhere", "Not https: " + String.join(", ", plain));
    }

    private CheckResult publicRedirectHosts(ClientSnapshot client) {
        List<String> problems = readiness.redirectUriProblems(client).stream()
                .map(problem -> problem.address() + ": " + problem.reason())
                .toList();
        return problems.isEmpty()
                ? pass("Public redirect hosts", "Every redirect host is a public DNS name")
                : fail("Public redirect hosts", String.join("; ", problems));
    }

    private CheckResult noBranding(ClientSnapshot client) {
        List<String> found = new ArrayList<>();
        if (branding.appearsIn(client.name())) {
            found.add("the name \"" + client.name() + "\"");
        }
        addresses(client).forEach(address -> {
            String host = address.host().toLowerCase(Locale.ROOT);
            boolean platformHost = platformDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
            if (platformHost || branding.appearsInHost(host)) {
                found.add(address.text());
            }
        });
        return found.isEmpty()
                ? pass("No platform branding", "Neither the name nor any address uses the platform's name")
                : fail("No platform branding", "Platform branding in " + String.join(", ", found));
    }

    private CheckResult pkce(ClientSnapshot client) {
        if (client.pkceRequired()) {
            return pass(ClientField.PKCE.label(), "S256 is required");
        }
        return client.clientType() == ClientType.PUBLIC
                ? fail(ClientField.PKCE.label(), "A public client must use PKCE with S256")
                : warn(ClientField.PKCE.label(), "A confidential client with a PKCE exception");
    }

    private CheckResult sameDomain(ClientSnapshot client) {
        if (client.clientUri() == null) {
            return warn("Redirect hosts and client URI", "There is no client URI to compare with");
        }
        String home = registrableDomain(Address.of(client.clientUri()).host());
        List<String> other = client.redirectUris().stream()
                .map(RedirectUri::host)
                .distinct()
                .filter(host -> !registrableDomain(host).equals(home))
                .toList();
        return other.isEmpty()
                ? pass("Redirect hosts and client URI", "All redirect hosts are under " + home)
                : warn("Redirect hosts and client URI", "Not under " + home + ": " + String.join(", ", other));
    }

    /**
     * The registrable domain of a host: its public suffix by the Public Suffix List, as Guava ships it, plus one
     * label ({@code ledger.co.uk}, {@code ledger.github.io}). A host that is an IP address, a public suffix itself
     * or under no listed suffix is its own registrable domain. Never resolves DNS.
     */
    static String registrableDomain(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (!InternetDomainName.isValid(lower)) {
            return lower;
        }
        InternetDomainName name = InternetDomainName.from(lower);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : lower;
    }

    /** Every address of the client, web addresses first, then redirect URIs. */
    private static Stream<Address> addresses(ClientSnapshot client) {
        return Stream.concat(
                Stream.of(
                                client.clientUri(),
                                client.tosUri(),
                                client.policyUri(),
                                client.initiationUri(),
                                client.settingsUri())
                        .filter(Objects::nonNull)
                        .map(Address::of),
                client.redirectUris().stream().map(Address::of));
    }

    /** An address with its host (empty if it has none), as the redirect-URI package reads it. */
    private record Address(String text, String host) {

        static Address of(String webUri) {
            return new Address(
                    webUri, Objects.requireNonNullElse(UriParts.split(webUri).host(), ""));
        }

        static Address of(RedirectUri uri) {
            return new Address(uri.value(), uri.host());
        }
    }

    private static CheckResult pass(String name, String reason) {
        return new CheckResult(name, CheckResult.Verdict.PASS, reason);
    }

    private static CheckResult warn(String name, String reason) {
        return new CheckResult(name, CheckResult.Verdict.WARN, reason);
    }

    private static CheckResult fail(String name, String reason) {
        return new CheckResult(name, CheckResult.Verdict.FAIL, reason);
    }
}
