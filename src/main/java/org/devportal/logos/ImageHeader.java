package org.devportal.logos;

/**
 * What the header of an accepted upload says: its type and its size in pixels as the browser shows it (for a
 * JPEG, after the EXIF orientation is applied). A crop box is given in these coordinates.
 */
public record ImageHeader(LogoType type, int width, int height) {

    public ImageHeader {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
    }

    public long pixels() {
        return (long) width * height;
    }
}
