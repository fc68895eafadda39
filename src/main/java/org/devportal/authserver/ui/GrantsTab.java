package org.devportal.authserver.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.UUID;
import org.devportal.authserver.ActiveGrant;
import org.devportal.authserver.ActiveGrants;
import org.devportal.authserver.Issuer;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.clients.ui.ClientPageTab;

/**
 * The client page's "Active grants" tab: the client's live authorizations at both issuers, read a page at a time
 * as the grid scrolls, with a revocation per grant and one for all of them.
 */
@org.springframework.stereotype.Component
class GrantsTab implements ClientPageTab {

    static final int PAGE_SIZE = 50;

    private final ActiveGrants grants;

    GrantsTab(ActiveGrants grants) {
        this.grants = grants;
    }

    @Override
    public String label() {
        return "Active grants";
    }

    @Override
    public String slug() {
        return "grants";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Component create(UUID clientId) {
        return new Tab(clientId);
    }

    private final class Tab extends Div {

        private final UUID clientId;
        private final Grid<ActiveGrant> grid = new Grid<>();
        private final Button revokeAll = new Button("Revoke all", VaadinIcon.BAN.create());

        Tab(UUID clientId) {
            this.clientId = clientId;
            setId("active-grants");
            Paragraph help = new Paragraph("Authorizations that end users gave this client and that still hold a "
                    + "working token. Revoking one ends its access and refresh tokens on their next use.");
            help.addClassName("portal-muted");
            grid.setId("grants");
            grid.addColumn(grant -> grant.issuer() == Issuer.PRODUCTION ? "Production" : "Sandbox")
                    .setHeader("Issuer")
                    .setAutoWidth(true);
            grid.addColumn(ActiveGrant::endUser).setHeader("End user").setAutoWidth(true);
            grid.addColumn(grant -> grant.subject() == null ? "" : grant.subject())
                    .setHeader("Subject")
                    .setAutoWidth(true);
            grid.addColumn(grant -> String.join(" ", grant.scopes()))
                    .setHeader("Scopes")
                    .setAutoWidth(true);
            grid.addColumn(grant -> Times.DATE_TIME.format(grant.createdAt()))
                    .setHeader("Granted")
                    .setAutoWidth(true);
            grid.addColumn(grant -> grant.lastRefreshedAt() == null
                            ? "Not yet"
                            : Times.DATE_TIME.format(grant.lastRefreshedAt()))
                    .setHeader("Last refreshed")
                    .setAutoWidth(true);
            grid.addComponentColumn(this::revokeButton).setKey("revoke");
            grid.setEmptyStateText("No active grants. They appear when an end user authorizes the client.");
            grid.setPageSize(PAGE_SIZE);
            grid.setHeight("30rem");
            grid.setItems(query -> grants.page(clientId, query.getOffset(), query.getLimit()).stream(), query ->
                    (int) Math.min(Integer.MAX_VALUE, grants.count(clientId)));
            revokeAll.setId("revoke-all-grants");
            revokeAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revokeAll.addClickListener(event -> confirmRevokeAll());
            add(help, revokeAll, grid);
            refresh();
        }

        private Component revokeButton(ActiveGrant grant) {
            Button revoke = new Button("Revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel(
                    "Revoke the grant of " + grant.endUser() + " from " + Times.DATE_TIME.format(grant.createdAt()));
            revoke.addClickListener(event -> {
                ConfirmDialog confirm = dialog("confirm-revoke-grant", "Revoke this grant?", "Revoke");
                confirm.setText("The client's access and refresh tokens of " + grant.endUser() + "'s grant stop "
                        + "working at once; the user must authorize the client again.");
                confirm.addConfirmListener(confirmed -> {
                    try {
                        grants.revoke(clientId, grant.id());
                        success("Grant revoked.");
                    } catch (InvalidInputException e) {
                        error(e.getMessage());
                    }
                    refresh();
                });
                confirm.open();
            });
            return revoke;
        }

        private void confirmRevokeAll() {
            long count = grants.count(clientId);
            if (count == 0) {
                refresh();
                return;
            }
            ConfirmDialog confirm = dialog(
                    "confirm-revoke-all-grants",
                    count == 1 ? "Revoke the 1 active grant?" : "Revoke all " + count + " active grants?",
                    count == 1 ? "Revoke 1 grant" : "Revoke " + count + " grants");
            confirm.setText("Every access and refresh token of this client, at both issuers, stops working at "
                    + "once. Each end user must authorize the client again. Use it when the client's tokens may "
                    + "have leaked.");
            confirm.addConfirmListener(confirmed -> {
                int revoked = grants.revokeAll(clientId);
                success(revoked == 1 ? "1 grant revoked." : revoked + " grants revoked.");
                refresh();
            });
            confirm.open();
        }

        private void refresh() {
            grid.getDataProvider().refreshAll();
            revokeAll.setEnabled(grants.count(clientId) > 0);
        }

        private static ConfirmDialog dialog(String id, String header, String confirmText) {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setId(id);
            dialog.setHeader(header);
            dialog.setConfirmText(confirmText);
            dialog.setConfirmButtonTheme("error primary");
            dialog.setCancelable(true);
            return dialog;
        }

        private static void success(String text) {
            Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }

        private static void error(String text) {
            Notification.show(text, 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
