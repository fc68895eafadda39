package org.devportal.authserver.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.devportal.authserver.ConsentRequests;
import org.devportal.authserver.Issuer;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.ui.ClientDraftListener;
import org.devportal.clients.ui.ClientPage;
import org.devportal.clients.ui.ClientPageSection;

/**
 * The consent screens of the sandbox and of production on the client page, as users would see them with the form's
 * values, updated as the user types. They are the issuers' own {@link ConsentScreen}, built from the same request
 * record, with inert buttons.
 */
@org.springframework.stereotype.Component
class ConsentPreviewSection implements ClientPageSection {

    private final ConsentRequests requests;
    private final PortalProperties portal;

    ConsentPreviewSection(ConsentRequests requests, PortalProperties portal) {
        this.requests = requests;
        this.portal = portal;
    }

    @Override
    public String slug() {
        return "consent";
    }

    @Override
    public String label() {
        return "Consent screen";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component create(ClientDetails client, ClientPage page) {
        return new Preview();
    }

    private final class Preview extends Div implements ClientDraftListener {

        private final Div sandbox = new Div();
        private final Div production = new Div();
        private final Paragraph productionState = new Paragraph();

        Preview() {
            setId("consent-preview");
            Paragraph help = new Paragraph("What users see when your integration asks for access, with the values in "
                    + "the form, before you save them. Every scope of the client is shown as requested.");
            help.addClassName("portal-muted");
            productionState.addClassName("portal-muted");
            productionState.setId("consent-preview-production-state");
            sandbox.setId("consent-preview-sandbox");
            production.setId("consent-preview-production");
            Div sandboxColumn = new Div(new H3("Sandbox"), sandbox);
            Div productionColumn = new Div(new H3("Production"), productionState, production);
            Div columns = new Div(sandboxColumn, productionColumn);
            columns.addClassName("portal-consent-previews");
            add(new H2("Consent screen preview"), help, columns);
        }

        @Override
        public void draftChanged(ClientDetails client, ClientUpdate draft) {
            sandbox.removeAll();
            sandbox.add(new ConsentScreen(
                    requests.preview(client, draft, Issuer.SANDBOX),
                    portal.platformName(),
                    ConsentScreen.Mode.PREVIEW,
                    "preview-sandbox-"));
            production.removeAll();
            production.add(new ConsentScreen(
                    requests.preview(client, draft, Issuer.PRODUCTION),
                    portal.platformName(),
                    ConsentScreen.Mode.PREVIEW,
                    "preview-production-"));
            productionState.setText(productionState(client));
        }

        /** Production serves only what a reviewer approved, so its screen shows these values only after that. */
        private static String productionState(ClientDetails client) {
            if (client.suspended()) {
                return "Suspended: production refuses this client for now.";
            }
            if (!client.approvedForProduction()) {
                return "Not approved yet: users see this screen once a reviewer approves the client.";
            }
            if (client.unapprovedChanges()) {
                return "Approved. Users see your changes once a reviewer approves them; until then they see the "
                        + "approved values.";
            }
            return "Approved: users see this screen now, with the values once saved.";
        }
    }
}
