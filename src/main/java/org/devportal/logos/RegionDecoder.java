package org.devportal.logos;

import static org.devportal.logos.LogoRejectedException.Reason.TOO_COSTLY;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes only the crop region of an image with ImageIO, subsampled when the region is much larger than it needs to
 * be, with a deadline, into 8-bit sRGB (see {@link Colours}). PNGs go to the JDK's decoder, JPEGs to TwelveMonkeys'.
 * Whatever goes wrong inside a decoder (damaged data, a decoder bug, running out of memory) becomes a
 * {@link LogoRejectedException}: it is a property of the upload, not a server failure.
 */
final class RegionDecoder {

    private final Duration timeout;
    private final JPEGImageReaderSpi jpegReaders;

    RegionDecoder(Duration timeout) {
        this.timeout = timeout;
        this.jpegReaders = twelveMonkeysJpeg();
    }

    /**
     * ImageIO finds plugins through the class loader of whichever thread first touched it, which in a packaged
     * application need not see this one; registering the provider ourselves makes the choice explicit.
     */
    private static JPEGImageReaderSpi twelveMonkeysJpeg() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        JPEGImageReaderSpi provider = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
        if (provider == null) {
            registry.registerServiceProvider(new JPEGImageReaderSpi());
            provider = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
        }
        if (provider == null) {
            throw new IllegalStateException("The JDK's JPEG decoder, which the CMYK-capable one wraps, is missing");
        }
        return provider;
    }

    private ImageReader newReader(LogoType type) throws IOException {
        if (type == LogoType.JPEG) {
            return jpegReaders.createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("No PNG decoder available");
        }
        return readers.next();
    }

    /**
     * The pixels of {@code region} of the stored image, taking every {@code subsampling}th pixel and row. Either
     * decoder then allocates pixels of the decoded size only.
     */
    BufferedImage decode(SourceImage image, Rectangle region, int subsampling) {
        ImageReader reader;
        try {
            reader = newReader(image.type());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create an image decoder", e);
        }
        Watch watch = new Watch(reader, System.nanoTime() + timeout.toNanos());
        BufferedImage decoded;
        try (ImageInputStream in = new ByteArrayImageInputStream(image.bytes())) {
            // ignoreMetadata: the decoder need not parse EXIF, XMP or text, which are dropped anyway.
            reader.setInput(in, true, true);
            reader.addIIOReadProgressListener(watch);
            reader.addIIOReadUpdateListener(watch);
            reader.addIIOReadWarningListener(watch);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            decoded = reader.read(0, param);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw watch.timedOut ? tooSlow() : rejectionFor(e, image.type());
        } finally {
            reader.dispose();
        }
        if (watch.timedOut) {
            throw tooSlow();
        }
        if (watch.endedEarly) {
            throw HeaderReader.incomplete(image.type());
        }
        try {
            return Colours.toSrgb(decoded);
        } catch (RuntimeException e) {
            // A broken embedded colour profile surfaces here, from the colour management module.
            throw rejectionFor(e, image.type());
        }
    }

    private static LogoRejectedException tooSlow() {
        return new LogoRejectedException(
                TOO_COSTLY,
                "This image takes too long to decode; export it at a "
                        + "smaller size (2048×2048 is plenty) and upload it again");
    }

    static LogoRejectedException rejectionFor(Throwable failure, LogoType type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                // ImageIO wraps a failed raster allocation in an IIOException; the header check makes it rare.
                return new LogoRejectedException(
                        TOO_COSTLY,
                        "This image needs too much memory to decode; export "
                                + "it at a smaller size (2048×2048 is plenty) and upload it again");
            }
        }
        return HeaderReader.damaged(type);
    }

    /**
     * Enforces the deadline and listens for truncation. The JDK's JPEG decoder refuses {@code abort()} from any
     * thread but the one reading, so the deadline is checked in the decoders' own callbacks, which arrive for
     * every few rows delivered.
     */
    private static final class Watch implements IIOReadProgressListener, IIOReadUpdateListener, IIOReadWarningListener {

        private final ImageReader reader;
        private final long deadline;
        boolean timedOut;
        boolean endedEarly;

        Watch(ImageReader reader, long deadline) {
            this.reader = reader;
            this.deadline = deadline;
        }

        private void check() {
            if (!timedOut && System.nanoTime() - deadline > 0) {
                timedOut = true;
                reader.abort();
            }
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            // libjpeg's "Premature end of JPEG file": it fills the missing rows with grey and carries on.
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                endedEarly = true;
            }
        }

        @Override
        public void imageUpdate(
                ImageReader source,
                BufferedImage image,
                int minX,
                int minY,
                int width,
                int height,
                int periodX,
                int periodY,
                int[] bands) {
            check();
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            check();
        }

        @Override
        public void passStarted(
                ImageReader source,
                BufferedImage image,
                int pass,
                int minPass,
                int maxPass,
                int minX,
                int minY,
                int periodX,
                int periodY,
                int[] bands) {
            check();
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage image) {
            check();
        }

        @Override
        public void thumbnailPassStarted(
                ImageReader source,
                BufferedImage thumbnail,
                int pass,
                int minPass,
                int maxPass,
                int minX,
                int minY,
                int periodX,
                int periodY,
                int[] bands) {}

        @Override
        public void thumbnailUpdate(
                ImageReader source,
                BufferedImage thumbnail,
                int minX,
                int minY,
                int width,
                int height,
                int periodX,
                int periodY,
                int[] bands) {}

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage thumbnail) {}

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {}

        @Override
        public void sequenceComplete(ImageReader source) {}

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {}

        @Override
        public void imageComplete(ImageReader source) {}

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {}

        @Override
        public void thumbnailComplete(ImageReader source) {}

        @Override
        public void readAborted(ImageReader source) {}
    }
}
