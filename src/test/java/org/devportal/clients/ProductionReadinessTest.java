package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.devportal.clients.redirecturi.RedirectUri;
import org.junit.jupiter.api.Test;

class ProductionReadinessTest {

    private final ProductionReadiness readiness = new ProductionReadiness(List.of("pleo.io"));

    private static ClientSnapshot client(String clientUri, String settingsUri, List<String> redirectUris) {
        return new ClientSnapshot(
                "Ledger Sync",
                clientUri,
                null,
                "https://ledger.example.com/terms",
                null,
                List.of("dev@ledger.example.com"),
                null,
                settingsUri,
                redirectUris.stream().map(RedirectUri::of).toList(),
                List.of("vendors:read"),
                ClientType.CONFIDENTIAL,
                true,
                SubjectTypePreference.NONE);
    }

    @Test
    void a_client_with_https_everywhere_and_public_redirect_hosts_is_ready() {
        ClientSnapshot ready = client(
                "https://ledger.example.com", "https://ledger.example.com/settings", List.of("https://ledger.com/cb"));

        assertThat(readiness.webAddressProblems(ready)).isEmpty();
        assertThat(readiness.redirectUriProblems(ready)).isEmpty();
        assertThat(readiness.notHttps(ready)).isEmpty();
    }

    @Test
    void a_web_address_on_http_is_refused_by_its_field() {
        ClientSnapshot local = client("https://ledger.example.com", "http://localhost:3000/settings", List.of());

        assertThat(readiness.webAddressProblems(local)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(ClientField.SETTINGS_URI);
            assertThat(problem.address()).isEqualTo("http://localhost:3000/settings");
            assertThat(problem.reason())
                    .startsWith("This address works in the sandbox but will be refused for production")
                    .endsWith("use https");
        });
    }

    @Test
    void loopback_and_special_use_redirect_hosts_are_refused_and_http_is_listed_with_the_web_addresses() {
        ClientSnapshot local = client(
                "http://localhost:3000",
                null,
                List.of("https://ledger.com/cb", "http://127.0.0.1/cb", "https://ledger.internal/cb"));

        assertThat(readiness.redirectUriProblems(local))
                .extracting(ProductionReadiness.Problem::field, ProductionReadiness.Problem::address)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ClientField.REDIRECT_URIS, "http://127.0.0.1/cb"),
                        org.assertj.core.groups.Tuple.tuple(ClientField.REDIRECT_URIS, "http://127.0.0.1/cb"),
                        org.assertj.core.groups.Tuple.tuple(ClientField.REDIRECT_URIS, "https://ledger.internal/cb"));
        assertThat(readiness.redirectUriProblems(local))
                .extracting(ProductionReadiness.Problem::reason)
                .allMatch(reason ->
                        reason.startsWith("This URI works in the sandbox but will be refused for production"));
        assertThat(readiness.notHttps(local)).containsExactly("http://localhost:3000", "http://127.0.0.1/cb");
    }
}
