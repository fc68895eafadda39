package org.devportal.registration.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.registration.InitialAccessTokenService;
import org.devportal.registration.InitialAccessTokenStatus;
import org.devportal.registration.InitialAccessTokenView;
import org.devportal.registration.NewInitialAccessToken;
import org.devportal.registration.RegistrationAccessTokenStatus;
import org.devportal.registration.RegistrationAccessTokenView;
import org.devportal.registration.TokenLifetime;
import org.devportal.security.Role;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamSummary;
import org.devportal.test.SignedIn;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InitialAccessTokensViewIT extends ViewTest {

    @Autowired
    InitialAccessTokenService tokens;

    @Autowired
    org.devportal.teams.TeamService teams;

    private final String member = "tokens-ui-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void signInWithATeam() {
        team = signInWithANewTeam(member, "Tokens UI", Role.DEVELOPER);
    }

    @Test
    void a_team_without_tokens_sees_what_they_are_for_and_where_to_use_them() {
        ui().navigate("teams/" + team.id() + "/clients");
        Details section = _get(Details.class, spec -> spec.withId("registration-api"));
        // Collapsed, and not built, for a team that does not use the API.
        assertThat(section.isOpened()).isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-initial-access-tokens")))
                .isEmpty();
        section.setOpened(true);

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-initial-access-tokens"))
                        .isVisible())
                .isTrue();
        // The list is built only once there is a token.
        assertThat(_find(Grid.class, spec -> spec.withId("initial-access-tokens")))
                .isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("registration-endpoint"))
                        .getText())
                .isEqualTo(baseUrl() + "/sandbox/oauth/register");
    }

    @Test
    void a_new_token_is_shown_once_and_then_listed_by_its_hint_only() {
        ui().navigate("teams/" + team.id() + "/clients");
        openRegistrationApi();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-initial-access-token")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<TokenLifetime> lifetime = _get(RadioButtonGroup.class, spec -> spec.withId("token-lifetime"));
        assertThat(lifetime.getValue()).isEqualTo(TokenLifetime.TWENTY_FOUR_HOURS);
        IntegerField maxUses = _get(IntegerField.class, spec -> spec.withId("token-max-uses"));
        assertThat(maxUses.getValue()).isEqualTo(1);
        HasValueUtilsKt._setValue(lifetime, TokenLifetime.SEVEN_DAYS);
        HasValueUtilsKt._setValue(maxUses, 3);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-create-token")));

        String shown = _get(TextField.class, spec -> spec.withId("token-value")).getValue();
        assertThat(shown).matches("dpiat_[0-9A-Za-z]{43}");
        assertThat(_get(Button.class, spec -> spec.withId("copy-token")).isVisible())
                .isTrue();
        Button done = _get(Button.class, spec -> spec.withId("token-done"));
        assertThat(done.isEnabled()).isFalse();
        HasValueUtilsKt._setValue(_get(Checkbox.class, spec -> spec.withId("token-stored")), true);
        ButtonKt._click(done);

        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        assertThat(_find(Dialog.class, spec -> spec.withId("reveal-token"))).isEmpty();
        InitialAccessTokenView listed = onlyRow();
        assertThat(listed.displayHint()).isEqualTo(shown.substring(0, 10) + "…");
        assertThat(listed.maxUses()).isEqualTo(3);
        assertThat(listed.expiresAt()).isEqualTo(listed.createdAt().plus(TokenLifetime.SEVEN_DAYS.duration()));
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-initial-access-tokens")))
                .isEmpty();

        ui().getPage().reload();
        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        assertThat(onlyRow().id()).isEqualTo(listed.id());
    }

    @Test
    void an_owner_creates_a_production_token_which_names_the_production_endpoint_and_is_listed_as_such() {
        ui().navigate("teams/" + team.id() + "/clients");
        openRegistrationApi();
        assertThat(_get(Span.class, spec -> spec.withId("production-registration-endpoint"))
                        .getText())
                .isEqualTo(baseUrl() + "/production/oauth/register");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-initial-access-token")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Environment> environment =
                _get(RadioButtonGroup.class, spec -> spec.withId("token-environment"));
        assertThat(environment.getValue()).isEqualTo(Environment.SANDBOX);
        assertThat(environment.getItemEnabledProvider().test(Environment.PRODUCTION))
                .isTrue();
        HasValueUtilsKt._setValue(environment, Environment.PRODUCTION);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-create-token")));

        assertThat(_get(Dialog.class, spec -> spec.withId("reveal-token"))
                        .getElement()
                        .getTextRecursively())
                .contains(baseUrl() + "/production/oauth/register");
        HasValueUtilsKt._setValue(_get(Checkbox.class, spec -> spec.withId("token-stored")), true);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("token-done")));
        assertThat(onlyRow().environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(GridKt._getFormatted(grid().getColumnByKey("environment"), onlyRow()))
                .isEqualTo("Production");
    }

    @Test
    void a_developer_cannot_choose_production_in_the_dialog() {
        String developer = "tokens-ui-dev-" + UUID.randomUUID() + "@example.com";
        teams.invite(team.id(), developer, org.devportal.teams.TeamRole.DEVELOPER);
        String invitation = mail.lastToken(developer, "/invitation");
        signInAs(developer, Role.DEVELOPER);
        teams.acceptInvitation(invitation);
        ui().navigate("teams/" + team.id() + "/clients");
        openRegistrationApi();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-initial-access-token")));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Environment> environment =
                _get(RadioButtonGroup.class, spec -> spec.withId("token-environment"));

        assertThat(environment.getItemEnabledProvider().test(Environment.PRODUCTION))
                .isFalse();
        assertThat(environment.getHelperText()).contains("Only the team's owners");
    }

    @Test
    void an_impossible_number_of_uses_is_explained_at_the_field_and_creates_nothing() {
        ui().navigate("teams/" + team.id() + "/clients");
        openRegistrationApi();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-initial-access-token")));
        IntegerField maxUses = _get(IntegerField.class, spec -> spec.withId("token-max-uses"));
        HasValueUtilsKt._setValue(maxUses, 500);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-create-token")));

        assertThat(maxUses.isInvalid()).isTrue();
        assertThat(maxUses.getErrorMessage()).isEqualTo("Allow between 1 and 100 registrations with one token");
        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        assertThat(tokens.list(team.id())).isEmpty();
    }

    @Test
    void revoking_asks_for_confirmation_first() {
        NewInitialAccessToken created = tokens.create(team.id(), TokenLifetime.ONE_HOUR, 2);
        ui().navigate("teams/" + team.id() + "/clients");
        openRegistrationApi();

        ButtonKt._click(revokeButton());
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke-token"));
        assertThat(ConfirmDialogKt.getHeader(confirm))
                .isEqualTo("Revoke " + created.view().displayHint() + "?");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(onlyRow().status()).isEqualTo(InitialAccessTokenStatus.ACTIVE);

        ButtonKt._click(revokeButton());
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke-token")));

        InitialAccessTokenView revoked = onlyRow();
        assertThat(revoked.status()).isEqualTo(InitialAccessTokenStatus.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo(member.substring(0, member.indexOf('@')));
        assertThat(revokeButton().isVisible()).isFalse();
        assertThat(tokens.list(team.id()))
                .singleElement()
                .satisfies(view -> assertThat(view.status()).isEqualTo(InitialAccessTokenStatus.REVOKED));
    }

    @Test
    void someone_outside_the_team_can_neither_create_list_nor_revoke_its_tokens() {
        NewInitialAccessToken created = tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1);

        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);

        assertThatThrownBy(() -> tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1))
                .isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> tokens.list(team.id())).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> tokens.revoke(team.id(), created.view().id()))
                .isInstanceOf(TeamNotFoundException.class);
        TeamSummary own = newTeam("Outsiders");
        assertThatThrownBy(() -> tokens.revoke(own.id(), created.view().id()))
                .isInstanceOf(TeamNotFoundException.class);

        SignedIn.as(member, Role.DEVELOPER);
        assertThat(tokens.list(team.id()))
                .singleElement()
                .satisfies(view -> assertThat(view.status()).isEqualTo(InitialAccessTokenStatus.ACTIVE));
    }

    @Test
    void the_registration_access_tokens_of_api_clients_are_listed_and_revoked_after_confirmation() throws Exception {
        String initial =
                tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1).token().value();
        HttpResponse<String> registered = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/oauth/register"))
                                .header("Authorization", "Bearer " + initial)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"client_name": "Provisioned", "redirect_uris": ["https://prov.example.com/cb"],
                                         "scope": "accounts:read", "contacts": ["ops@example.com"],
                                         "token_endpoint_auth_method": "none"}
                                        """))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        ui().navigate("teams/" + team.id() + "/clients");
        // A team that uses the API finds the section open.
        assertThat(_get(Details.class, spec -> spec.withId("registration-api")).isOpened())
                .isTrue();

        @SuppressWarnings("unchecked")
        Grid<RegistrationAccessTokenView> list = _get(Grid.class, spec -> spec.withId("registration-access-tokens"));
        assertThat(GridKt._size(list)).isEqualTo(1);
        RegistrationAccessTokenView row = GridKt._get(list, 0);
        assertThat(row.clientName()).isEqualTo("Provisioned");
        assertThat(row.status()).isEqualTo(RegistrationAccessTokenStatus.ACTIVE);
        assertThat(GridKt._getFormatted(list.getColumnByKey("lastUsed"), row)).isEqualTo("Never");

        ButtonKt._click((Button) GridKt._getCellComponent(list, 0, "revoke"));
        ConfirmDialog confirm =
                _get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke-registration-access-token"));
        assertThat(ConfirmDialogKt.getHeader(confirm))
                .isEqualTo("Revoke the registration access token of Provisioned?");
        ConfirmDialogKt._fireConfirm(confirm);

        @SuppressWarnings("unchecked")
        Grid<RegistrationAccessTokenView> after = _get(Grid.class, spec -> spec.withId("registration-access-tokens"));
        assertThat(GridKt._get(after, 0).status()).isEqualTo(RegistrationAccessTokenStatus.REVOKED);
        assertThat(((Button) GridKt._getCellComponent(after, 0, "revoke")).isVisible())
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Grid<InitialAccessTokenView> grid() {
        return _get(Grid.class, spec -> spec.withId("initial-access-tokens"));
    }

    private static InitialAccessTokenView onlyRow() {
        Grid<InitialAccessTokenView> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        return GridKt._get(grid, 0);
    }

    private static Button revokeButton() {
        return (Button) GridKt._getCellComponent(grid(), 0, "revoke");
    }

    /** Opens the section, which is collapsed for a team without tokens and built when first opened. */
    private static void openRegistrationApi() {
        _get(Details.class, spec -> spec.withId("registration-api")).setOpened(true);
    }
}
