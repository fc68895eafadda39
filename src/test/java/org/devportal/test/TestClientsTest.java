package org.devportal.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.devportal.base.Environment;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientRules;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.clients.redirecturi.RedirectUriEvaluation;
import org.junit.jupiter.api.Test;

/** The fixtures keep their promises, so that a test failing on them fails for its own reason. */
class TestClientsTest {

    private final ClientRules rules = new ClientRules(new PortalProperties(null, null, null));

    @Test
    void a_complete_client_passes_every_field_rule_including_productions() {
        ClientUpdate complete = TestClients.complete().build();

        assertThat(rules.name(complete.name()).value()).isEqualTo("Ledger Sync");
        Map.of(
                        "clientUri", complete.clientUri(),
                        "tosUri", complete.tosUri(),
                        "policyUri", complete.policyUri(),
                        "initiationUri", complete.initiationUri(),
                        "settingsUri", complete.settingsUri())
                .forEach((field, value) -> assertThat(rules.optionalWebUri(field, value, Environment.PRODUCTION))
                        .as(field)
                        .isPresent());
        RedirectUriEvaluation redirectUris =
                rules.evaluateRedirectUris(complete.redirectUris(), Environment.PRODUCTION);
        assertThat(redirectUris.errors()).isEmpty();
        assertThat(rules.evaluateRedirectUris(complete.redirectUris(), Environment.SANDBOX)
                        .warnings())
                .isEmpty();
        assertThat(rules.contacts(complete.contacts()).values()).containsExactly("dev@ledger.example.com");
        assertThat(complete.scopes()).containsExactly("vendors:read");
        assertThat(complete.clientType()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(complete.subjectType()).isEqualTo(SubjectTypePreference.NONE);
    }

    @Test
    void a_minimal_client_has_only_what_every_save_needs() {
        ClientUpdate minimal = TestClients.minimal().build();

        assertThat(rules.name(minimal.name()).value()).isEqualTo("Ledger");
        assertThat(rules.contacts(minimal.contacts()).values()).containsExactly("ops@ledger.example.com");
        assertThat(rules.evaluateRedirectUris(minimal.redirectUris(), Environment.SANDBOX)
                        .accepted())
                .isTrue();
        assertThat(minimal.scopes()).containsExactly("accounts:read");
        assertThat(minimal.clientType()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(minimal.clientUri()).isNull();
        assertThat(minimal.tosUri()).isNull();
        assertThat(minimal.policyUri()).isNull();
        assertThat(minimal.initiationUri()).isNull();
        assertThat(minimal.settingsUri()).isNull();
        assertThat(minimal.subjectType()).isNull();
    }

    @Test
    void each_with_method_changes_its_own_field_and_no_other() {
        ClientUpdate before = TestClients.complete().build();

        assertChangedOnly(TestClients.complete().withName("Other").build(), before, "name");
        assertChangedOnly(
                TestClients.complete().withClientUri("https://o.example.com").build(), before, "clientUri");
        assertChangedOnly(
                TestClients.complete().withTosUri("https://o.example.com/t").build(), before, "tosUri");
        assertChangedOnly(
                TestClients.complete().withPolicyUri("https://o.example.com/p").build(), before, "policyUri");
        assertChangedOnly(TestClients.complete().withContacts("a@o.example.com").build(), before, "contacts");
        assertChangedOnly(
                TestClients.complete()
                        .withInitiationUri("https://o.example.com/i")
                        .build(),
                before,
                "initiationUri");
        assertChangedOnly(
                TestClients.complete()
                        .withSettingsUri("https://o.example.com/s")
                        .build(),
                before,
                "settingsUri");
        assertChangedOnly(
                TestClients.complete()
                        .withRedirectUri("https://o.example.com/cb")
                        .build(),
                before,
                "redirectUris");
        assertChangedOnly(TestClients.complete().withScopes("users:read").build(), before, "scopes");
        assertChangedOnly(TestClients.complete().withType(ClientType.PUBLIC).build(), before, "clientType");
        assertChangedOnly(
                TestClients.complete()
                        .withSubjectType(SubjectTypePreference.COMPANY)
                        .build(),
                before,
                "subjectType");
    }

    @Test
    void lists_and_scopes_keep_the_order_they_are_given_in() {
        ClientUpdate update = TestClients.minimal()
                .withRedirectUris("https://b.example.com/cb", "https://a.example.com/cb")
                .withScopes("vendors:read", "accounts:read", "users:read")
                .withContacts("b@example.com", "a@example.com")
                .build();

        assertThat(update.redirectUris()).containsExactly("https://b.example.com/cb", "https://a.example.com/cb");
        assertThat(update.scopes()).containsExactly("vendors:read", "accounts:read", "users:read");
        assertThat(update.contacts()).containsExactly("b@example.com", "a@example.com");
        assertThat(TestClients.minimal().withScopes().build().scopes()).isEmpty();
    }

    private static void assertChangedOnly(ClientUpdate after, ClientUpdate before, String field) {
        assertThat(after).usingRecursiveComparison().ignoringFields(field).isEqualTo(before);
        assertThat(after).usingRecursiveComparison().isNotEqualTo(before);
    }
}
