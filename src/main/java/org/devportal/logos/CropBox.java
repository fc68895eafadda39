package org.devportal.logos;

import static org.devportal.logos.LogoRejectedException.Reason.INVALID_CROP;

/**
 * The square part of an image that becomes the logo, in pixels of the image as the browser shows it: the top-left
 * corner and one side length. Having a single side length makes a crop box square by construction.
 * <p>
 * The browser sends it, so it is checked twice: here for what holds in any image, and in
 * {@link #requireInside(int, int)} against the image it is applied to.
 */
public record CropBox(int x, int y, int size) {

    /** Logos are shown at up to 512 px; below 256 px of source an upscale would look soft. */
    public static final int MIN_SIZE = 256;

    public CropBox {
        if (x < 0 || y < 0) {
            throw new LogoRejectedException(
                    INVALID_CROP, "The crop area starts outside the image; move it so that it lies inside the image");
        }
        if (size < MIN_SIZE) {
            throw new LogoRejectedException(
                    INVALID_CROP,
                    "The crop area is " + size + "×" + size + " pixels; make it at least " + MIN_SIZE + "×" + MIN_SIZE
                            + " by zooming out");
        }
    }

    public static CropBox of(int x, int y, int size) {
        return new CropBox(x, y, size);
    }

    /** The largest square in the middle of an image: a sensible first proposal for the cropper. */
    public static CropBox centredIn(ImageHeader image) {
        int size = Math.min(image.width(), image.height());
        return new CropBox((image.width() - size) / 2, (image.height() - size) / 2, size);
    }

    /** Throws {@link LogoRejectedException} unless this box lies wholly inside an image of the given size. */
    public void requireInside(int width, int height) {
        int largest = Math.min(width, height);
        if (size > largest) {
            throw new LogoRejectedException(
                    INVALID_CROP,
                    "The crop area is " + size + "×" + size
                            + " pixels, but this " + width + "×" + height + " image allows at most " + largest + "×"
                            + largest + "; make the crop area smaller");
        }
        // long arithmetic: a hostile x near Integer.MAX_VALUE must not wrap around into the image.
        if ((long) x + size > width || (long) y + size > height) {
            throw new LogoRejectedException(
                    INVALID_CROP,
                    "The crop area reaches past the edge of the " + width + "×" + height
                            + " image; move it so that it lies inside the image");
        }
    }
}
