package org.devportal.logos.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import org.devportal.logos.CropBox;
import org.devportal.logos.ImageHeader;
import org.devportal.logos.LogoRejectedException;

/**
 * Crops an uploaded image to a square. The browser shows the original from the server and sends back only the
 * crop box; the server checks it again and applies it to the original.
 */
final class LogoCropDialog extends Dialog {

    private CropBox crop;

    LogoCropDialog(byte[] upload, ImageHeader header, Consumer<CropBox> save) {
        setId("logo-crop");
        setHeaderTitle("Crop your logo to a square");
        setWidth("44rem");
        crop = CropBox.centredIn(header);
        DownloadHandler image = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(upload), "logo-original", header.type().contentType(), upload.length));
        LogoCropper cropper = new LogoCropper(image);
        cropper.setId("logo-cropper");
        Paragraph size = new Paragraph();
        size.setId("crop-size");
        Paragraph error = new Paragraph();
        error.setId("crop-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button apply = new Button("Save logo");
        apply.setId("save-logo");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cropper.addCropListener(event -> {
            try {
                crop = CropBox.of(event.x(), event.y(), event.size());
                crop.requireInside(header.width(), header.height());
                error.setText("");
                apply.setEnabled(true);
            } catch (IllegalArgumentException | LogoRejectedException e) {
                error.setText(e.getMessage());
                apply.setEnabled(false);
            }
            size.setText("Selection: " + event.size() + "×" + event.size() + " pixels of " + header.width() + "×"
                    + header.height());
        });
        apply.addClickListener(event -> {
            try {
                save.accept(crop);
                close();
            } catch (LogoRejectedException e) {
                error.setText(e.getMessage());
            }
        });
        add(
                new Paragraph("Drag to move, zoom with the wheel or the slider, or use the arrow keys and + and −. "
                        + "The previews show the logo as users will see it."),
                cropper,
                size,
                error);
        getFooter().add(new Button("Cancel", event -> close()), apply);
    }

    /** The crop box the dialog would save now; for tests. */
    CropBox crop() {
        return crop;
    }
}
