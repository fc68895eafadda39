package org.devportal.registration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ui.ClientListContribution;
import org.devportal.registration.ClientConfigurationService;

/** Configuration as code on a team's client list: a new client registered from a configuration document. */
@org.springframework.stereotype.Component
class ConfigurationImportSection implements ClientListContribution {

    private final ClientConfigurationService configurations;

    ConfigurationImportSection(ClientConfigurationService configurations) {
        this.configurations = configurations;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Component create(UUID teamId) {
        Paragraph help = new Paragraph("Register a client from a configuration document: a file exported from "
                + "another client's page, or the same metadata you send to the registration API.");
        help.addClassName("portal-muted");
        Button open = new Button(
                "Import a client",
                VaadinIcon.UPLOAD.create(),
                event -> new ConfigurationDialog(
                                "Import a client from a configuration document",
                                "Paste or upload a document. The new client starts as a sandbox draft; upload its "
                                        + "logo on its page afterwards.",
                                document -> configurations.previewImport(teamId, document),
                                "Register client",
                                document -> {
                                    ClientDetails created = configurations.importClient(teamId, document);
                                    UI.getCurrent().navigate("clients/" + created.id());
                                })
                        .open());
        open.setId("import-client");
        Div section = new Div(new H2("Import"), help, open);
        section.setId("configuration-import");
        return section;
    }
}
