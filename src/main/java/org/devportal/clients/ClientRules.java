package org.devportal.clients;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devportal.base.InvalidInputException;
import org.devportal.base.PortalProperties;
import org.springframework.stereotype.Component;

/**
 * The field rules of SPEC §2–3 that need the portal's configuration (the platform's name and domains), composed
 * with the value objects that carry the rest. Services and the UI's converters both go through here, so each rule
 * exists once. Every failure is an {@link InvalidInputException} naming the field.
 */
@Component
public class ClientRules {

    private final String platformName;
    private final RedirectUriPolicy redirectUris;

    @org.springframework.beans.factory.annotation.Autowired
    public ClientRules(PortalProperties portal) {
        this(portal.platformName(), new RedirectUriPolicy(portal.platformDomains()));
    }

    ClientRules(String platformName, RedirectUriPolicy redirectUris) {
        this.platformName = platformName;
        this.redirectUris = redirectUris;
    }

    public ClientName name(String raw) {
        ClientName name = field("name", () -> new ClientName(raw));
        if (name.value().toLowerCase(Locale.ROOT).contains(platformName.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(
                    "name",
                    "Do not use " + platformName + " branding: remove \"" + platformName
                            + "\" from the client name, since users should not mistake your integration for "
                            + platformName + "'s own");
        }
        return name;
    }

    /** An optional web address: blank means "not set yet". */
    public Optional<WebUri> optionalWebUri(String field, String raw, Environment environment) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = WebUri.check(raw, environment);
        if (problem.isPresent()) {
            throw new InvalidInputException(field, problem.get());
        }
        return Optional.of(WebUri.of(raw));
    }

    public RedirectUri redirectUri(String raw, Environment environment) {
        return field("redirectUris", () -> redirectUris.parse(raw, environment));
    }

    public List<RedirectUri> redirectUris(List<String> raw, Environment environment) {
        redirectUris.checkList(raw, environment).ifPresent(violation -> {
            throw new InvalidInputException("redirectUris", violation.message());
        });
        return raw.stream().map(uri -> redirectUris.parse(uri, environment)).toList();
    }

    /** Why a URI accepted for the sandbox would be refused for production, for a warning next to it. */
    public List<String> productionWarnings(RedirectUri uri) {
        return redirectUris.productionProblems(uri).stream()
                .map(RedirectUriViolation::message)
                .toList();
    }

    public Optional<String> redirectUriProblem(String raw, Environment environment) {
        return redirectUris.check(raw, environment).map(RedirectUriViolation::message);
    }

    public ContactEmails contacts(List<String> raw) {
        return field("contacts", () -> ContactEmails.parse(raw));
    }

    private static <T> T field(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
