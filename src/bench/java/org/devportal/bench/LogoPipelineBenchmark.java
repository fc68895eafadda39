package org.devportal.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.devportal.logos.CropBox;
import org.devportal.logos.LogoProcessor;
import org.devportal.logos.LogoRejectedException;
import org.devportal.logos.ProcessedLogo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The logo pipeline against a plain baseline that does the same work on the same input, in the same run.
 * <ul>
 * <li>{@code pipeline}: {@link LogoProcessor#process} with a square crop: header checks, region decode, sRGB,
 * resizing, four PNGs and the content hash.</li>
 * <li>{@code baseline}: what a plain implementation of the same job would do: {@code ImageIO.read} of the whole
 * image (same decoders, same in-memory stream), then for each of the four sizes a bicubic resize of the same crop
 * and {@code ImageIO.write} of a PNG.</li>
 * <li>{@code rejectBomb}: refusing a PNG that declares 20000×20000 pixels.</li>
 * </ul>
 * The {@code source} parameter names the input's size, so that milliseconds per megapixel follow from the score:
 * {@code jpeg-4000x3000} is a 12.0 MP photo-like JPEG cropped to 3000×3000 (9.0 MP), {@code png-1000x1000} a
 * 1.0 MP photo-like PNG cropped whole. Run with
 * {@code ./mvnw -Pbench -DskipTests -Dmaven.compiler.proc=full test-compile exec:exec -Djmh.args="LogoPipeline"};
 * since JDK 23, javac runs an annotation processor found on the class path, such as JMH's, only when asked to.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
public class LogoPipelineBenchmark {

    @State(Scope.Benchmark)
    public static class Source {

        @Param({"jpeg-4000x3000", "png-1000x1000"})
        public String source;

        byte[] bytes;
        CropBox crop;
        final LogoProcessor processor = new LogoProcessor();

        @Setup
        public void generate() throws IOException {
            if (source.startsWith("jpeg")) {
                bytes = encode(photoLike(4000, 3000), "jpeg");
                crop = CropBox.of(500, 0, 3000);
            } else {
                bytes = encode(photoLike(1000, 1000), "png");
                crop = CropBox.of(0, 0, 1000);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Bomb {

        final byte[] bytes = pngDeclaring(20_000, 20_000);
        final CropBox crop = CropBox.of(0, 0, 512);
        final LogoProcessor processor = new LogoProcessor();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ProcessedLogo pipeline(Source in) {
        return in.processor.process(in.bytes, in.crop);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<byte[]> baseline(Source in) throws IOException {
        BufferedImage whole = ImageIO.read(new ByteArrayImageInputStream(in.bytes));
        BufferedImage region = whole.getSubimage(in.crop.x(), in.crop.y(), in.crop.size(), in.crop.size());
        List<byte[]> pngs = new ArrayList<>();
        for (int size : ProcessedLogo.SIZES) {
            BufferedImage logo = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = logo.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(region, 0, 0, size, size, null);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(logo, "png", png);
            pngs.add(png.toByteArray());
        }
        return pngs;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LogoRejectedException rejectBomb(Bomb in) {
        try {
            in.processor.process(in.bytes, in.crop);
        } catch (LogoRejectedException expected) {
            return expected;
        }
        throw new IllegalStateException("The bomb was not refused");
    }

    /**
     * Something like a photo, so that neither codec gets an easy ride: smooth gradients and waves, a few hard
     * edges, and sensor-like noise.
     */
    static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double wave = Math.sin(u * 23 + Math.cos(v * 7) * 3) * Math.cos(v * 17 - u * 5);
                boolean disc = Math.hypot(u - 0.6, v - 0.45) < 0.2;
                int noise = random.nextInt(-12, 13);
                int r = (int) (disc ? 200 + 30 * wave : 90 + 70 * u + 40 * wave) + noise;
                int g = (int) (disc ? 60 + 20 * v : 110 + 60 * v + 35 * wave) + noise;
                int b = (int) (disc ? 40 : 150 - 80 * u * v + 30 * wave) + noise;
                pixels[y * width + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.clamp(value, 0, 255);
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format.equals("jpeg")) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A valid PNG signature and IHDR declaring the given size, then an empty IDAT and IEND. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(chunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array()));
        out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(name)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }
}
