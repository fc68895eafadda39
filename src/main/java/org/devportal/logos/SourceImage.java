package org.devportal.logos;

/**
 * An upload whose header has been read and checked, but whose pixels have not been decoded yet. Width and height
 * are those of the stored pixels; {@link #header()} gives the size as displayed.
 */
record SourceImage(byte[] bytes, LogoType type, int storedWidth, int storedHeight, Orientation orientation) {

    ImageHeader header() {
        return new ImageHeader(
                type,
                orientation.displayWidth(storedWidth, storedHeight),
                orientation.displayHeight(storedWidth, storedHeight));
    }
}
