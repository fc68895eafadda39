package org.devportal.authserver.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import java.util.UUID;
import org.devportal.authserver.ActiveGrant;
import org.devportal.authserver.GrantFixture;
import org.devportal.authserver.OAuthFlow;
import org.devportal.authserver.SandboxClient;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GrantsTabIT extends ViewTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    GrantsTab tab;

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    private final String email = "grants-tab-" + UUID.randomUUID() + "@example.com";
    private ClientDetails client;
    private ClientSecret secret;
    private GrantFixture flow;

    @BeforeEach
    void aClientWithTwoGrants() {
        signInWithAccount(email, "Grants Tab", OAuthFlow.PASSWORD, Role.DEVELOPER);
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, newTeam("Grants tab").id(), "Ledger Sync", CALLBACK, "vendors:read");
        client = sandbox.client();
        secret = sandbox.secret();
        flow = new GrantFixture(baseUrl(), sandbox.clientId(), CALLBACK, email);
    }

    @Test
    void the_tab_lists_live_grants_and_revokes_one_after_a_confirmation() {
        GrantFixture.Tokens older = flow.authorize(secret.value(), "older");
        flow.authorize(secret.value(), "newer");
        Grid<ActiveGrant> grid = grid();

        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(grid.getPageSize()).isEqualTo(GrantsTab.PAGE_SIZE);
        ActiveGrant last = GridKt._get(grid, 1);
        assertThat(last.scopes()).containsExactly("vendors:read");
        assertThat(last.endUser()).isEqualTo(email.substring(0, email.indexOf('@')));

        ButtonKt._click((Button) GridKt._getCellComponent(grid, 1, "revoke"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke-grant"));
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Revoke this grant?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(flow.refresh(older.refreshToken(), secret.value()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void revoke_all_states_the_count_and_ends_every_grant() {
        GrantFixture.Tokens one = flow.authorize(secret.value(), "one");
        GrantFixture.Tokens two = flow.authorize(secret.value(), "two");
        Grid<ActiveGrant> grid = grid();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("revoke-all-grants")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke-all-grants"));
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Revoke all 2 active grants?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(GridKt._size(grid)).isZero();
        assertThat(_get(Button.class, spec -> spec.withId("revoke-all-grants")).isEnabled())
                .isFalse();
        assertThat(flow.active(one.accessToken(), secret.value())).isFalse();
        assertThat(flow.refresh(two.refreshToken(), secret.value()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_client_without_grants_says_so_and_offers_nothing_to_revoke() {
        Grid<ActiveGrant> grid = grid();

        assertThat(GridKt._size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).contains("No active grants");
        assertThat(_get(Button.class, spec -> spec.withId("revoke-all-grants")).isEnabled())
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    private Grid<ActiveGrant> grid() {
        ui().add(tab.create(client.id()));
        return _get(Grid.class, spec -> spec.withId("grants"));
    }
}
