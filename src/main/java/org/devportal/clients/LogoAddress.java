package org.devportal.clients;

/**
 * Where a client's logo rendition is served: {@code /logos/{hash}-{size}.png}. The logos module serves it; the
 * address lives here so client pages can show logos without depending on that module.
 */
public final class LogoAddress {

    private LogoAddress() {}

    public static String path(String contentHash, int size) {
        return "/logos/" + contentHash + "-" + size + ".png";
    }
}
