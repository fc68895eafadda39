package org.devportal.credentials.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.credentials.SecretView;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CredentialsSectionIT extends ViewTest {

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    private TeamSummary team;

    @BeforeEach
    void signIn() {
        team = signInWithANewTeam("secrets-ui-" + UUID.randomUUID() + "@example.com", "Secrets UI", Role.DEVELOPER);
    }

    @Test
    void the_first_secret_is_revealed_once_after_registration_and_the_dialog_closes_only_when_acknowledged() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        ui().navigate("clients/" + client.id());

        String shown =
                _get(TextField.class, spec -> spec.withId("secret-value")).getValue();
        assertThat(shown).startsWith("dpsbx_").hasSize(55);
        assertThat(credentials.verify(client.sandboxClientId(), shown)).isPresent();
        Button done = _get(Button.class, spec -> spec.withId("secret-done"));
        assertThat(done.isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("copy-secret")).isVisible())
                .isTrue();

        HasValueUtilsKt._setValue(_get(Checkbox.class, spec -> spec.withId("secret-stored")), true);
        ButtonKt._click(done);
        assertThat(_find(TextField.class, spec -> spec.withId("secret-value"))).isEmpty();

        ui().getPage().reload();
        assertThat(_find(TextField.class, spec -> spec.withId("secret-value"))).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<SecretView> grid = _get(Grid.class, spec -> spec.withId("secrets"));
        assertThat(GridKt._get(grid, 0).displayHint()).isEqualTo(shown.substring(0, 6) + "…" + shown.substring(51));
    }

    @Test
    void rotating_asks_for_the_grace_period_and_reveals_the_new_secret() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        credentials.takeRevealAfterRegistration(client.id());
        ui().navigate("clients/" + client.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("rotate-secret-button")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<GracePeriod> grace = _get(RadioButtonGroup.class, spec -> spec.withId("grace-period"));
        assertThat(grace.getValue()).isEqualTo(GracePeriod.TWENTY_FOUR_HOURS);
        HasValueUtilsKt._setValue(grace, GracePeriod.ONE_HOUR);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-rotation")));

        String rotated =
                _get(TextField.class, spec -> spec.withId("secret-value")).getValue();
        assertThat(credentials.verify(client.sandboxClientId(), rotated)).isPresent();
        assertThat(credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .hasSize(2)
                .allSatisfy(secret -> assertThat(secret.status().isActive()).isTrue());
    }

    @Test
    void a_refused_rotation_explains_why_in_the_dialog() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        credentials.takeRevealAfterRegistration(client.id());
        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.SEVEN_DAYS);
        ui().navigate("clients/" + client.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("rotate-secret-button")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-rotation")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("rotation-error")).getText())
                .contains("revoke it first");
        assertThat(_find(TextField.class, spec -> spec.withId("secret-value"))).isEmpty();
    }

    @Test
    void a_public_client_shows_that_it_has_no_secret() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Dashboard", "https://d.example.com/cb");
        ui().navigate("clients/" + client.id());

        assertThat(_find(Button.class, spec -> spec.withId("rotate-secret-button")))
                .isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("credentials"))
                        .getElement()
                        .getTextRecursively())
                .contains("Public clients have no secret");
    }
}
