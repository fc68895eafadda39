package org.devportal.registration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ui.ClientListAction;
import org.devportal.registration.ClientConfigurationService;

/**
 * Configuration as code on a team's client list: "Import a client" beside "Register a client", which registers a
 * new client from a configuration document.
 */
@org.springframework.stereotype.Component
class ConfigurationImportAction implements ClientListAction {

    private final ClientConfigurationService configurations;

    ConfigurationImportAction(ClientConfigurationService configurations) {
        this.configurations = configurations;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(UUID teamId) {
        Button open = new Button(
                "Import a client",
                VaadinIcon.UPLOAD.create(),
                event -> new ConfigurationDialog(
                                "Import a client from a configuration document",
                                "Paste or upload a document: a file exported from another client's page, or the "
                                        + "same metadata you send to the registration API. The new client starts "
                                        + "as a sandbox draft; upload its logo on its page afterwards.",
                                document -> configurations.previewImport(teamId, document),
                                "Register client",
                                document -> {
                                    ClientDetails created = configurations.importClient(teamId, document);
                                    UI.getCurrent().navigate("clients/" + created.id());
                                })
                        .open());
        open.setId("import-client");
        return open;
    }
}
