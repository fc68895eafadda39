package org.devportal.logos;

import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A logo ready to store and serve: clean PNGs at each of {@link #SIZES}, and the SHA-256 of the 512 px PNG, which
 * is its content address. The byte arrays are copied in and out, so that nothing can change a PNG after its hash
 * was taken.
 */
public record ProcessedLogo(String contentHash, Map<Integer, byte[]> pngs) {

    /** The sizes written, largest first; the largest is the one the content hash covers. */
    public static final List<Integer> SIZES = List.of(512, 256, 128, 64);

    public ProcessedLogo {
        if (contentHash == null
                || contentHash.length() != 64
                || !contentHash.chars().allMatch(HexFormat::isHexDigit)
                || !contentHash.equals(contentHash.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("contentHash must be 64 lower-case hex digits");
        }
        if (pngs == null || !pngs.keySet().equals(Set.copyOf(SIZES))) {
            throw new IllegalArgumentException("pngs must hold exactly the sizes " + SIZES);
        }
        pngs = copy(pngs);
    }

    @Override
    public Map<Integer, byte[]> pngs() {
        return copy(pngs);
    }

    /** The PNG of one of {@link #SIZES}. */
    public byte[] png(int size) {
        byte[] png = pngs.get(size);
        if (png == null) {
            throw new IllegalArgumentException("No logo of size " + size + "; sizes are " + SIZES);
        }
        return png.clone();
    }

    private static Map<Integer, byte[]> copy(Map<Integer, byte[]> pngs) {
        Map<Integer, byte[]> copy = new LinkedHashMap<>();
        for (int size : SIZES) {
            copy.put(size, pngs.get(size).clone());
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessedLogo that
                && contentHash.equals(that.contentHash)
                && SIZES.stream().allMatch(size -> Arrays.equals(pngs.get(size), that.pngs.get(size)));
    }

    @Override
    public int hashCode() {
        return contentHash.hashCode();
    }

    @Override
    public String toString() {
        return "ProcessedLogo[" + contentHash + "]";
    }
}
