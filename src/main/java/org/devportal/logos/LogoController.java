package org.devportal.logos;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves logo renditions at {@code /logos/{hash}-{size}.png}. The address names the content, so a response
 * never changes: it is cached for a year and marked immutable, and the ETag is the hash itself.
 */
@RestController
class LogoController {

    private static final Pattern FILE = Pattern.compile("([0-9a-f]{64})-(\\d{2,3})\\.png");

    private final LogoService logos;

    LogoController(LogoService logos) {
        this.logos = logos;
    }

    @GetMapping("/logos/{file}")
    ResponseEntity<byte[]> logo(
            @PathVariable String file,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Matcher matcher = FILE.matcher(file);
        if (!matcher.matches()) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + matcher.group(1) + "-" + matcher.group(2) + "\"";
        return logos.rendition(matcher.group(1), Integer.parseInt(matcher.group(2)))
                .map(png -> {
                    var response = (etag.equals(ifNoneMatch) ? ResponseEntity.status(304) : ResponseEntity.ok())
                            .contentType(MediaType.IMAGE_PNG)
                            .cacheControl(CacheControl.maxAge(Duration.ofDays(365))
                                    .cachePublic()
                                    .immutable())
                            .eTag(etag)
                            .header("X-Content-Type-Options", "nosniff");
                    return etag.equals(ifNoneMatch) ? response.<byte[]>build() : response.body(png);
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
