package org.devportal.logos.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ui.ClientPage;
import org.devportal.clients.ui.ClientPageSection;
import org.devportal.logos.ImageHeader;
import org.devportal.logos.LogoProcessor;
import org.devportal.logos.LogoRejectedException;
import org.devportal.logos.LogoService;

/** The client's logo: what users see at consent, and an upload that opens the square crop. */
@org.springframework.stereotype.Component
class LogoSection implements ClientPageSection {

    private final LogoService logos;

    LogoSection(LogoService logos) {
        this.logos = logos;
    }

    @Override
    public String slug() {
        return "logo";
    }

    @Override
    public String label() {
        return "Logo";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(ClientDetails client, ClientPage page) {
        return new Section(client, page::clientChanged);
    }

    private final class Section extends Div {

        private final ClientDetails client;
        private final Runnable onClientChanged;
        private final HorizontalLayout current = new HorizontalLayout();
        private final Paragraph error = new Paragraph();
        private final Upload upload;
        private final Button uploadButton = new Button("Upload logo…");
        private final Button remove = new Button("Remove logo");

        Section(ClientDetails client, Runnable onClientChanged) {
            this.client = client;
            this.onClientChanged = onClientChanged;
            setId("logo");
            Paragraph help = new Paragraph("Shown on the consent screen and in the app catalogue. Upload a PNG or JPEG "
                    + "of at least 256×256 pixels, up to 5 MB; you crop it to a square next.");
            help.addClassName("portal-muted");
            error.setId("logo-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            current.setAlignItems(FlexComponent.Alignment.END);
            upload = new Upload((UploadHandler) event -> {
                // Read here, with the limit, rather than into memory whole: an oversized file stops at 5 MB.
                byte[] bytes;
                try {
                    bytes = logos.read(event.getInputStream(), event.getFileSize());
                } catch (LogoRejectedException e) {
                    event.getUI().access(() -> rejected(e.getMessage()));
                    return;
                }
                event.getUI().access(() -> received(bytes));
            });
            upload.setId("logo-upload");
            upload.setMaxFiles(1);
            // The browser stops a file over the limit before sending it; the server still checks. There is no
            // accept filter on purpose: the server tells the format from the content and names it (GIF, WebP,
            // HEIC...), which a browser-side filter on names could only refuse without saying what the file is.
            upload.setMaxFileSize(LogoProcessor.MAX_FILE_BYTES);
            upload.setDropLabel(new Span("Drop a logo here"));
            uploadButton.setId("logo-upload-button");
            upload.setUploadButton(uploadButton);
            upload.getElement()
                    .addEventListener("file-reject", event -> {
                        double size = event.getEventData()
                                .path("event.detail.file.size")
                                .asDouble(0);
                        rejected(
                                size > LogoProcessor.MAX_FILE_BYTES
                                        ? logos.tooLarge((long) size).getMessage()
                                        : "This file cannot be uploaded: "
                                                + event.getEventData()
                                                        .path("event.detail.error")
                                                        .asString(""));
                    })
                    .addEventData("event.detail.file.size")
                    .addEventData("event.detail.error");
            // A cancelled upload leaves nothing behind either.
            upload.getElement().addEventListener("upload-abort", event -> upload.clearFileList());
            remove.setId("remove-logo");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(event -> confirmRemoval());
            boolean editable = client.status() != ClientStatus.IN_REVIEW;
            upload.setVisible(editable);
            remove.setVisible(editable);
            add(new H2("Logo"), help, current, error, upload, remove);
            showCurrent(client.logoHash());
        }

        /** Any refusal: say why, and make the upload ready for the next file, with an empty list. */
        private void rejected(String message) {
            upload.clearFileList();
            error.setText(message);
        }

        private void received(byte[] bytes) {
            // The file is in memory now; the upload is ready for another whatever happens next (crop, cancel).
            upload.clearFileList();
            error.setText("");
            ImageHeader header;
            try {
                header = logos.inspect(bytes);
            } catch (LogoRejectedException e) {
                rejected(e.getMessage());
                return;
            }
            new LogoCropDialog(bytes, header, crop -> {
                        String hash = logos.upload(client.id(), bytes, crop);
                        showCurrent(hash);
                        onClientChanged.run();
                    })
                    .open();
        }

        private void confirmRemoval() {
            ConfirmDialog confirm = new ConfirmDialog(
                    "Remove the logo?",
                    "The consent screen and the app catalogue show the client's initial instead until you upload "
                            + "another. The client's history records the removal.",
                    "Remove logo",
                    event -> {
                        try {
                            logos.remove(client.id());
                            error.setText("");
                            showCurrent(null);
                            onClientChanged.run();
                        } catch (InvalidInputException e) {
                            error.setText(e.getMessage());
                        }
                    });
            confirm.setId("confirm-remove-logo");
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        }

        private void showCurrent(String hash) {
            current.removeAll();
            remove.setEnabled(hash != null);
            remove.setVisible(hash != null && upload.isVisible());
            uploadButton.setText(hash == null ? "Upload logo…" : "Replace logo…");
            if (hash == null) {
                Paragraph none = new Paragraph("No logo yet.");
                none.setId("no-logo");
                current.add(none);
                return;
            }
            for (int size : new int[] {128, 64}) {
                Image image = new Image(LogoService.path(hash, size), client.name() + " logo, " + size + " pixels");
                image.setWidth(size + "px");
                image.setHeight(size + "px");
                if (size == 128) {
                    image.setId("current-logo");
                }
                current.add(image);
            }
        }
    }
}
