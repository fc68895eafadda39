package org.devportal.logos;

/** The image types a logo may be uploaded as, detected from the bytes alone. */
public enum LogoType {
    PNG("image/png"),
    JPEG("image/jpeg");

    private final String contentType;

    LogoType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
