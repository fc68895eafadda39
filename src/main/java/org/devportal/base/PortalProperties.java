package org.devportal.base;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Portal-wide settings ({@code portal.*}).
 *
 * @param baseUrl the externally visible address of the portal, without a trailing slash
 * @param platformName the platform's name as users see it; never hard-coded in messages
 * @param platformDomains the platform's own domains, which clients may not use as redirect hosts
 */
@ConfigurationProperties("portal")
public record PortalProperties(URI baseUrl, String platformName, List<String> platformDomains) {

    public PortalProperties {
        if (baseUrl == null) {
            baseUrl = URI.create("http://localhost:8080");
        }
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (platformName == null || platformName.isBlank()) {
            platformName = "Pleo";
        }
        platformDomains = platformDomains == null ? List.of("pleo.io") : List.copyOf(platformDomains);
    }

    /** An absolute URL on the portal for the given path, which must start with a slash. */
    public String url(String path) {
        return baseUrl + path;
    }
}
