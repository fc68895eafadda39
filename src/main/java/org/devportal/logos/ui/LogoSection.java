package org.devportal.logos.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientStatus;
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
    public int order() {
        return 5;
    }

    @Override
    public Component create(ClientDetails client, Runnable onClientChanged) {
        return new Section(client, onClientChanged);
    }

    private final class Section extends Div {

        private final ClientDetails client;
        private final Runnable onClientChanged;
        private final HorizontalLayout current = new HorizontalLayout();
        private final Paragraph error = new Paragraph();

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
            Upload upload = new Upload((UploadHandler) event -> {
                // Read here, with the limit, rather than into memory whole: an oversized file stops at 5 MB.
                byte[] bytes;
                try {
                    bytes = logos.read(event.getInputStream());
                } catch (LogoRejectedException e) {
                    event.getUI().access(() -> error.setText(e.getMessage()));
                    return;
                }
                String fileName = event.getFileName();
                event.getUI().access(() -> received(bytes, fileName));
            });
            upload.setId("logo-upload");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(LogoProcessor.MAX_FILE_BYTES);
            upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
            upload.setDropLabel(new com.vaadin.flow.component.html.Span("Drop a logo here"));
            upload.setUploadButton(new com.vaadin.flow.component.button.Button("Upload logo…"));
            upload.addFileRejectedListener(event -> error.setText(
                    event.getErrorMessage().contains("size")
                            ? "This file is larger than 5 MB; export a smaller PNG or JPEG (512×512 is plenty)."
                            : "Only PNG and JPEG logos are accepted; export one at 512×512 or larger."));
            upload.setVisible(client.status() != ClientStatus.IN_REVIEW);
            add(new H2("Logo"), help, current, error, upload);
            showCurrent(client.logoHash());
        }

        private void received(byte[] bytes, String fileName) {
            error.setText("");
            ImageHeader header;
            try {
                header = logos.inspect(bytes, fileName);
            } catch (LogoRejectedException e) {
                error.setText(e.getMessage());
                return;
            }
            new LogoCropDialog(bytes, header, crop -> {
                        String hash = logos.upload(client.id(), bytes, crop);
                        showCurrent(hash);
                        onClientChanged.run();
                    })
                    .open();
        }

        private void showCurrent(String hash) {
            current.removeAll();
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
