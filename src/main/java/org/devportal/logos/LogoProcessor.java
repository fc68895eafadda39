package org.devportal.logos;

import static org.devportal.logos.LogoRejectedException.Reason.BUSY;
import static org.devportal.logos.LogoRejectedException.Reason.EMPTY;
import static org.devportal.logos.LogoRejectedException.Reason.TOO_LARGE;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.devportal.base.Sha256;

/**
 * Turns an uploaded image and a crop box into a {@link ProcessedLogo}. It takes the bytes and nothing the browser
 * says about them: there is deliberately no file name or content type parameter.
 * <p>
 * The order of the work is the order of its cost: the size of the upload while it is read, the type from the
 * first bytes, the dimensions from the header, the crop box against them, and only then the decoder, which sees
 * just the crop region. At most {@code maxConcurrentDecodes} uploads at once are decoded and shrunk to the largest
 * logo size, the steps that hold the decoded crop, so that the memory they take together stays bounded too.
 */
public class LogoProcessor {

    private static final long MEBIBYTE = 1024 * 1024;

    /** 5 MiB, which browsers and operating systems show as "5 MB". */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    public static final long MAX_PIXELS = HeaderReader.MAX_PIXELS;
    public static final int MIN_SIDE = HeaderReader.MIN_SIDE;

    /**
     * Large crops are decoded subsampled, but to at least this many pixels across: twice the largest output, so
     * that the resize's tent filter still averages two or more decoded pixels into each output pixel. ImageIO
     * subsamples by picking pixels, not by averaging them, so detail finer than the step can alias; this confines
     * that to crops of 2048 px and more, and there to the finest detail, while a 40 MP crop decodes into at most
     * 4 MP.
     */
    private static final int MIN_DECODED_SIDE = 2 * ProcessedLogo.SIZES.getFirst();

    private final RegionDecoder decoder;
    private final Duration decodeTimeout;
    private final Semaphore decodes;

    /** Ten seconds per decode, two decodes at a time. */
    public LogoProcessor() {
        this(Duration.ofSeconds(10), 2);
    }

    public LogoProcessor(Duration decodeTimeout, int maxConcurrentDecodes) {
        if (decodeTimeout.isNegative() || decodeTimeout.isZero() || maxConcurrentDecodes < 1) {
            throw new IllegalArgumentException("decodeTimeout and maxConcurrentDecodes must be positive");
        }
        this.decoder = new RegionDecoder(decodeTimeout);
        this.decodeTimeout = decodeTimeout;
        this.decodes = new Semaphore(maxConcurrentDecodes, true);
    }

    /**
     * Type and displayed size of an upload, for the cropper, read from the header without decoding any pixels.
     * Everything that can be refused without decoding is refused here already.
     *
     * @throws LogoRejectedException with a message for the user
     * @throws IOException if reading the upload itself fails
     */
    public ImageHeader inspect(InputStream upload) throws IOException {
        return inspect(readAtMostMaxBytes(upload));
    }

    /** Like {@link #inspect(InputStream)}, for an upload already in memory. */
    public ImageHeader inspect(byte[] upload) {
        return HeaderReader.read(checkLength(upload)).header();
    }

    /** Reads an upload, refusing it after 5 MB without reading the rest. */
    public byte[] read(InputStream upload) throws IOException {
        return readAtMostMaxBytes(upload);
    }

    /**
     * Like {@link #read(InputStream)}, for an upload whose size the browser announced: a refusal names that size.
     *
     * @param announcedBytes the size the browser sent with the file, or -1 when unknown
     */
    public byte[] read(InputStream upload, long announcedBytes) throws IOException {
        if (announcedBytes > MAX_FILE_BYTES) {
            throw tooLarge(announcedBytes);
        }
        try {
            return readAtMostMaxBytes(upload);
        } catch (LogoRejectedException e) {
            if (e.reason() == TOO_LARGE && announcedBytes > MAX_FILE_BYTES) {
                throw tooLarge(announcedBytes);
            }
            throw e;
        }
    }

    /**
     * The refusal of a file of this many bytes, naming its size and the limit: "This file is 6.1 MB; the limit is
     * 5 MB". Also for the browser's own check, which stops such a file before it is sent.
     */
    public static LogoRejectedException tooLarge(long bytes) {
        return new LogoRejectedException(
                TOO_LARGE,
                "This file is " + megabytes(bytes) + "; the limit is 5 MB. "
                        + "Export it at 512×512 as a PNG, or as a JPEG, and upload it again");
    }

    /**
     * A size as browsers and file managers show it, in MiB with one decimal, rounded up, so that a file over the
     * limit never reads as "5.0 MB".
     */
    static String megabytes(long bytes) {
        long tenths = (bytes * 10 + MEBIBYTE - 1) / MEBIBYTE;
        return tenths / 10 + "." + tenths % 10 + " MB";
    }

    /**
     * Crops the upload and writes the logo PNGs.
     *
     * @param crop in pixels of the image as displayed, see {@link ImageHeader}
     * @throws LogoRejectedException with a message for the user
     * @throws IOException if reading the upload itself fails
     */
    public ProcessedLogo process(InputStream upload, CropBox crop) throws IOException {
        return process(readAtMostMaxBytes(upload), crop);
    }

    /** Like {@link #process(InputStream, CropBox)}, for an upload already in memory. */
    public ProcessedLogo process(byte[] upload, CropBox crop) {
        SourceImage image = HeaderReader.read(checkLength(upload));
        ImageHeader header = image.header();
        crop.requireInside(header.width(), header.height());
        Rectangle region = image.orientation().storedRegion(crop, image.storedWidth(), image.storedHeight());
        int subsampling = Math.max(1, crop.size() / MIN_DECODED_SIDE);

        BufferedImage largest = decodeAndShrinkOneAtATime(image, region, subsampling);
        Map<Integer, byte[]> pngs = Renditions.pngs(largest);
        return new ProcessedLogo(Sha256.hex(pngs.get(ProcessedLogo.SIZES.getFirst())), pngs);
    }

    /** The decoded crop, shrunk to the largest logo size and turned the way it is displayed. */
    private BufferedImage decodeAndShrinkOneAtATime(SourceImage image, Rectangle region, int subsampling) {
        boolean acquired = false;
        try {
            acquired = decodes.tryAcquire(decodeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!acquired) {
                throw new LogoRejectedException(
                        BUSY, "Many logos are being processed right now; " + "try again in a minute");
            }
            return Renditions.largest(decoder.decode(image, region, subsampling), image.orientation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogoRejectedException(BUSY, "Processing the logo was interrupted; try again");
        } finally {
            if (acquired) {
                decodes.release();
            }
        }
    }

    /**
     * Reads at most one byte more than allowed, so that an oversized upload is refused after 5 MB, however large
     * it is, and never lands in memory whole.
     */
    private static byte[] readAtMostMaxBytes(InputStream upload) throws IOException {
        return checkLength(upload.readNBytes(MAX_FILE_BYTES + 1));
    }

    private static byte[] checkLength(byte[] upload) {
        if (upload.length == 0) {
            throw new LogoRejectedException(
                    EMPTY,
                    "The file is empty; choose a PNG or JPEG image of at least " + MIN_SIDE + "×" + MIN_SIDE
                            + " pixels");
        }
        if (upload.length > MAX_FILE_BYTES) {
            // Reading stopped at the limit, so the true size is unknown here; read(upload, size) names it.
            throw new LogoRejectedException(
                    TOO_LARGE,
                    "This file is larger than 5 MB, the limit. "
                            + "Export it at 512×512 as a PNG, or as a JPEG, and upload it again");
        }
        return upload;
    }
}
