package org.devportal.logos;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientService;
import org.devportal.clients.LogoAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logos of clients: checks and processes an upload, stores its renditions content-addressed, and serves them.
 * A rejected upload changes nothing: the previous logo stays.
 */
@Service
public class LogoService {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final LogoProcessor processor = new LogoProcessor();
    private final StoredLogoRepository logos;
    private final ClientService clients;
    private final PortalProperties portal;
    private final Clock clock;

    LogoService(StoredLogoRepository logos, ClientService clients, PortalProperties portal, Clock clock) {
        this.logos = logos;
        this.clients = clients;
        this.portal = portal;
        this.clock = clock;
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
     */
    @Transactional
    public String upload(UUID clientId, byte[] upload, CropBox crop) {
        clients.get(clientId);
        ProcessedLogo logo = processor.process(upload, crop);
        for (int size : ProcessedLogo.SIZES) {
            StoredLogo.Key key = new StoredLogo.Key(logo.contentHash(), size);
            if (!logos.existsById(key)) {
                logos.save(new StoredLogo(logo.contentHash(), size, logo.png(size), clock.instant()));
            }
        }
        clients.changeLogo(clientId, logo.contentHash());
        return logo.contentHash();
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
