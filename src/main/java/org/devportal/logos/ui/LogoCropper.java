package org.devportal.logos.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;

/** The square cropper (Cropper.js in {@code frontend/logo-cropper.ts}). It reports a crop box, never pixels. */
@Tag("logo-cropper")
@NpmPackage(value = "cropperjs", version = "1.6.2")
@JsModule("./logo-cropper.ts")
@CssImport("cropperjs/dist/cropper.css")
final class LogoCropper extends Component {

    LogoCropper(DownloadHandler image) {
        getElement().setAttribute("src", image);
    }

    Registration addCropListener(ComponentEventListener<CropChanged> listener) {
        return addListener(CropChanged.class, listener);
    }

    /** The crop box changed, in the image's own pixels. */
    @DomEvent("crop-changed")
    public static final class CropChanged extends ComponentEvent<LogoCropper> {

        private final int x;
        private final int y;
        private final int size;

        public CropChanged(
                LogoCropper source,
                boolean fromClient,
                @EventData("event.detail.x") int x,
                @EventData("event.detail.y") int y,
                @EventData("event.detail.size") int size) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
            this.size = size;
        }

        int x() {
            return x;
        }

        int y() {
            return y;
        }

        int size() {
            return size;
        }
    }
}
