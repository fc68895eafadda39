package org.devportal.credentials.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.credentials.SecretStatus;
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
        ui().navigate("clients/" + client.id() + "/credentials");

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
        ui().navigate("clients/" + client.id() + "/credentials");

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
        ui().navigate("clients/" + client.id() + "/credentials");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("rotate-secret-button")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-rotation")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("rotation-error")).getText())
                .contains("revoke it first");
        assertThat(_find(TextField.class, spec -> spec.withId("secret-value"))).isEmpty();
    }

    @Test
    void a_label_is_edited_in_place_and_the_servers_refusal_shows_on_the_field() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        credentials.takeRevealAfterRegistration(client.id());
        ui().navigate("clients/" + client.id() + "/credentials");
        Grid<SecretView> grid = secretsGrid();

        ButtonKt._click(_get(GridKt._getCellComponent(grid, 0, "label"), Button.class, spec -> {}));
        TextField label = _get(TextField.class, spec -> spec.withId("secret-label"));
        HasValueUtilsKt._setValue(label, "CI\u202Eprod");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-secret-label")));

        assertThat(label.isInvalid()).isTrue();
        assertThat(label.getErrorMessage()).contains("control characters");

        HasValueUtilsKt._setValue(label, "prod cluster A");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-secret-label")));

        assertThat(_find(TextField.class, spec -> spec.withId("secret-label"))).isEmpty();
        assertThat(GridKt._get(secretsGrid(), 0).label()).isEqualTo("prod cluster A");
        assertThat(credentials
                        .secrets(client.id(), SecretEnvironment.SANDBOX)
                        .getFirst()
                        .label())
                .isEqualTo("prod cluster A");
    }

    @Test
    void rotating_with_a_label_names_the_new_secret() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        credentials.takeRevealAfterRegistration(client.id());
        ui().navigate("clients/" + client.id() + "/credentials");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("rotate-secret-button")));
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-secret-label")), "CI");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-rotation")));

        assertThat(credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .extracting(SecretView::label)
                .containsExactly(null, "CI");
    }

    @Test
    void revoking_a_secret_used_in_the_last_hour_asks_a_second_time_naming_that_use() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        String first = credentials
                .takeRevealAfterRegistration(client.id())
                .orElseThrow()
                .value();
        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.SEVEN_DAYS, "new");
        assertThat(credentials.verify(client.sandboxClientId(), first)).isPresent();
        ui().navigate("clients/" + client.id() + "/credentials");

        ButtonKt._click((Button) GridKt._getCellComponent(secretsGrid(), 0, "revoke"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke")));

        ConfirmDialog again = _get(ConfirmDialog.class, spec -> spec.withId("confirm-recent-use"));
        assertThat(ConfirmDialogKt.getHeader(again)).contains("is in use");
        assertThat(_get(Paragraph.class, spec -> spec.withId("recent-use")).getText())
                .startsWith("It was used")
                .contains("last at")
                .contains("Confirm again to revoke it");
        assertThat(credentials
                        .secrets(client.id(), SecretEnvironment.SANDBOX)
                        .getFirst()
                        .status()
                        .isActive())
                .as("not revoked before the second confirmation")
                .isTrue();

        ConfirmDialogKt._fireConfirm(again);

        assertThat(credentials
                        .secrets(client.id(), SecretEnvironment.SANDBOX)
                        .getFirst()
                        .status())
                .isEqualTo(SecretStatus.REVOKED);
        assertThat(credentials.verify(client.sandboxClientId(), first)).isEmpty();
    }

    @Test
    void the_page_suggests_revoking_the_old_secret_once_the_new_one_is_in_use_and_the_old_one_is_quiet() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://l.example.com/cb");
        credentials.takeRevealAfterRegistration(client.id());
        String second = credentials
                .rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.SEVEN_DAYS, "cluster A")
                .value();
        ui().navigate("clients/" + client.id() + "/credentials");
        assertThat(_find(Div.class, spec -> spec.withId("revoke-suggestion")))
                .as("hidden: the new secret is not in use yet")
                .isEmpty();

        assertThat(credentials.verify(client.sandboxClientId(), second)).isPresent();
        clock.advance(Duration.ofHours(25));
        ui().getPage().reload();

        Div suggestion = _get(Div.class, spec -> spec.withId("revoke-suggestion"));
        assertThat(suggestion.isVisible()).isTrue();
        assertThat(suggestion.getElement().getTextRecursively())
                .contains("(cluster A) is in use")
                .contains("has never been used");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("revoke-suggestion-button")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke")));

        assertThat(credentials.secrets(client.id(), SecretEnvironment.SANDBOX))
                .extracting(SecretView::status)
                .containsExactly(SecretStatus.REVOKED, SecretStatus.ACTIVE);
        assertThat(_find(Div.class, spec -> spec.withId("revoke-suggestion"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Grid<SecretView> secretsGrid() {
        return _get(Grid.class, spec -> spec.withId("secrets"));
    }

    @Test
    void a_public_client_shows_that_it_has_no_secret() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Dashboard", "https://d.example.com/cb");
        ui().navigate("clients/" + client.id() + "/credentials");

        assertThat(_find(Button.class, spec -> spec.withId("rotate-secret-button")))
                .isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("credentials"))
                        .getElement()
                        .getTextRecursively())
                .contains("Public clients have no secret");
    }
}
