package org.devportal.registration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ui.ClientPage;
import org.devportal.clients.ui.ClientPageSection;
import org.devportal.registration.ClientConfigurationService;

/**
 * Configuration as code on the client page: the client exported as a JSON document, and a document applied to it
 * after a preview of what it changes.
 */
@org.springframework.stereotype.Component
class ConfigurationSection implements ClientPageSection {

    private final ClientConfigurationService configurations;

    ConfigurationSection(ClientConfigurationService configurations) {
        this.configurations = configurations;
    }

    @Override
    public String slug() {
        return "configuration";
    }

    @Override
    public String label() {
        return "Configuration";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Component create(ClientDetails client, ClientPage page) {
        Paragraph help = new Paragraph("Keep the client's settings in your repository: export them as JSON, the "
                + "same metadata the registration API takes, and apply an edited file here. You see every change "
                + "before it is made. Secrets are never part of the file.");
        help.addClassName("portal-muted");
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] json = configurations.export(client.id()).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(json), fileName(client), "application/json", json.length);
                }),
                AttachmentType.DOWNLOAD,
                "Export JSON");
        // A link rather than a button, so the browser downloads the file itself and it works without script.
        export.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());
        export.setId("export-configuration");
        Button apply = new Button(
                "Import / apply",
                VaadinIcon.UPLOAD.create(),
                event -> applyDialog(client, page::clientChanged).open());
        apply.setId("apply-configuration");
        apply.setEnabled(client.status().editable());
        HorizontalLayout actions = new HorizontalLayout(export, apply);
        actions.addClassName("portal-wrap");
        Div section = new Div(new H2("Configuration as code"), help, actions);
        section.setId("configuration-as-code");
        return section;
    }

    private ConfigurationDialog applyDialog(ClientDetails client, Runnable onClientChanged) {
        long[] basedOn = {client.version()};
        return new ConfigurationDialog(
                "Apply a configuration document to " + client.name(),
                "Paste or upload a document. Fields the document leaves out are cleared, as in the registration API; "
                        + "the logo stays. Unsaved edits in the form are replaced.",
                document -> {
                    ClientConfigurationService.Preview preview = configurations.previewApply(client.id(), document);
                    basedOn[0] = preview.basedOnVersion();
                    return preview.diff();
                },
                "Apply changes",
                document -> {
                    configurations.apply(client.id(), basedOn[0], document);
                    onClientChanged.run();
                    Notification.show("Applied.", 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
    }

    /** The client's name as a file name: letters and digits, the rest as dashes. */
    static String fileName(ClientDetails client) {
        String slug = client.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        return (slug.isEmpty() ? "client" : slug) + ".client.json";
    }
}
