package org.devportal.authserver.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.TestClients;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConsentPreviewViewIT extends ViewTest {

    @Autowired
    ClientService clients;

    private final String member = "preview-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void aTeamWithAClient() {
        team = signInWithANewTeam(member, "Preview", Role.DEVELOPER);
        ClientDetails registered =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", TestClients.REDIRECT_URI);
        client = clients.update(
                registered.id(),
                registered.version(),
                TestClients.complete().withPolicyUri(null).build());
    }

    @Test
    void the_sandbox_preview_shows_the_consent_screen_users_see_with_the_unreviewed_warning() {
        ui().navigate("clients/" + client.id() + "/consent");

        assertThat(title("sandbox"))
                .startsWith("Ledger Sync wants to access Preview ")
                .endsWith("(sandbox company)");
        assertThat(_get(Paragraph.class, spec -> spec.withId("preview-sandbox-consent-unreviewed"))
                        .getText())
                .contains("has not reviewed this client");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("preview-sandbox-consent-scopes"))
                        .getElement()
                        .getTextRecursively())
                .contains("vendors:read");
        assertThat(_get(Anchor.class, spec -> spec.withId("preview-sandbox-consent-tos"))
                        .getHref())
                .isEqualTo("https://ledger.example.com/terms");
        assertThat(_find(Anchor.class, spec -> spec.withId("preview-sandbox-consent-policy")))
                .isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("preview-sandbox-consent-approve"))
                        .isEnabled())
                .as("the preview's buttons do nothing")
                .isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("preview-production-consent-unreviewed")))
                .as("production shows only reviewed clients")
                .isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("consent-preview-production-state"))
                        .getText())
                .startsWith("Not approved yet");
    }

    @Test
    void the_preview_follows_the_form_before_anything_is_saved() {
        ui().navigate("clients/" + client.id());

        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("name")), "Ledger Books");
        HasValueUtilsKt._setValue(
                _get(TextField.class, spec -> spec.withId("policyUri")), "https://ledger.example.com/privacy");
        ui().navigate("clients/" + client.id() + "/consent");

        assertThat(title("sandbox")).startsWith("Ledger Books wants to access");
        assertThat(title("production")).startsWith("Ledger Books wants to access");
        assertThat(_get(Anchor.class, spec -> spec.withId("preview-production-consent-policy"))
                        .getHref())
                .isEqualTo("https://ledger.example.com/privacy");
        assertThat(clients.get(client.id()).name()).as("nothing saved").isEqualTo("Ledger Sync");
    }

    @Test
    void an_address_that_breaks_the_rules_is_not_linked_from_the_preview() {
        ui().navigate("clients/" + client.id());

        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("tosUri")), "javascript:alert(1)");
        ui().navigate("clients/" + client.id() + "/consent");

        assertThat(_find(Anchor.class, spec -> spec.withId("preview-sandbox-consent-tos")))
                .isEmpty();
    }

    private static String title(String issuer) {
        return _get(H4.class, spec -> spec.withId("preview-" + issuer + "-consent-title"))
                .getText();
    }
}
