package org.devportal.logos;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.devportal.base.PortalProperties;
import org.devportal.base.RateLimited;
import org.devportal.clients.ClientService;
import org.devportal.clients.LogoAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logos of clients: checks and processes an upload, stores its renditions content-addressed, and serves them.
 * A rejected upload changes nothing: the previous logo stays.
 */
@Service
public class LogoService {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** Time to decode, crop and render an upload, by outcome; a histogram on the management port. */
    static final String PROCESSING_METRIC = "portal.logos.processing";

    private final LogoProcessor processor;
    private final StoredLogoRepository logos;
    private final ClientService clients;
    private final PortalProperties portal;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final UploadLimit uploads;

    @Autowired
    LogoService(
            StoredLogoRepository logos,
            ClientService clients,
            PortalProperties portal,
            Clock clock,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            LogosProperties properties) {
        this(
                new LogoProcessor(),
                logos,
                clients,
                portal,
                clock,
                transactions,
                meters,
                new UploadLimit(properties.uploadsPerMinute(), TimeMeter.SYSTEM_NANOTIME));
    }

    /** With the processor and the upload limit given, for tests. */
    LogoService(
            LogoProcessor processor,
            StoredLogoRepository logos,
            ClientService clients,
            PortalProperties portal,
            Clock clock,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            UploadLimit uploads) {
        this.processor = processor;
        this.logos = logos;
        this.clients = clients;
        this.portal = portal;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
        this.uploads = uploads;
    }

    /**
     * Type and displayed size of an upload, for the crop dialog, decided by its content alone: the file's name
     * plays no part, so a JPEG named {@code .png} is a JPEG. Everything that can be refused before the crop is
     * refused here, a file cut off in transfer included.
     */
    public ImageHeader inspect(byte[] upload) {
        return processor.inspect(upload);
    }

    /**
     * Reads an upload from the browser, refusing it after 5 MB without reading the rest; a refusal names the size
     * the browser announced ({@code -1} when it announced none).
     */
    public byte[] read(java.io.InputStream upload, long announcedBytes) throws java.io.IOException {
        return processor.read(upload, announcedBytes);
    }

    /** The refusal of a file the browser measured as too large before sending it. */
    public LogoRejectedException tooLarge(long bytes) {
        return LogoProcessor.tooLarge(bytes);
    }

    /** Removes the client's logo, for a member of its team; the history records it like any logo change. */
    @Transactional
    public void remove(UUID clientId) {
        clients.changeLogo(clientId, null);
    }

    /**
     * Crops, resizes and stores the upload as the client's logo, for a member of the client's team. Returns the
     * content hash; the renditions are then at {@link #url}.
     *
     * <p>Deliberately not one transaction: decoding can take seconds, and a database connection held meanwhile is
     * one the token endpoint and every page lack. The access check is a short transaction of its own, the decode
     * holds no connection, and only the final store (the renditions and the client's new logo) is transactional.
     * {@code changeLogo} checks access again in that transaction.
     */
    public String upload(UUID clientId, byte[] upload, CropBox crop) {
        clients.get(clientId);
        try {
            uploads.take(currentUser());
        } catch (LogoRejectedException limited) {
            RateLimited.count(meters, "logo.upload");
            throw limited;
        }
        ProcessedLogo logo = processTimed(upload, crop);
        return transaction.execute(status -> store(clientId, logo));
    }

    private ProcessedLogo processTimed(byte[] upload, CropBox crop) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "rejected";
        try {
            ProcessedLogo logo = processor.process(upload, crop);
            outcome = "stored";
            return logo;
        } finally {
            sample.stop(meters.timer(PROCESSING_METRIC, "outcome", outcome));
        }
    }

    private String store(UUID clientId, ProcessedLogo logo) {
        for (int size : ProcessedLogo.SIZES) {
            StoredLogo.Key key = new StoredLogo.Key(logo.contentHash(), size);
            if (!logos.existsById(key)) {
                logos.save(new StoredLogo(logo.contentHash(), size, logo.png(size), clock.instant()));
            }
        }
        clients.changeLogo(clientId, logo.contentHash());
        return logo.contentHash();
    }

    private static String currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? "anonymous" : user.getName();
    }

    /** One rendition, for anyone: logos are shown on public consent pages. */
    @Transactional(readOnly = true)
    public Optional<byte[]> rendition(String contentHash, int size) {
        if (contentHash == null || !HASH.matcher(contentHash).matches() || !ProcessedLogo.SIZES.contains(size)) {
            return Optional.empty();
        }
        return logos.findById(new StoredLogo.Key(contentHash, size)).map(StoredLogo::png);
    }

    /** Where a rendition is served. */
    public String url(String contentHash, int size) {
        return portal.url(path(contentHash, size));
    }

    public static String path(String contentHash, int size) {
        return LogoAddress.path(contentHash, size);
    }
}
