package org.devportal.clients;

import java.util.List;
import java.util.Optional;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.base.PortalProperties;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.RedirectUriEvaluation;
import org.devportal.clients.redirecturi.RedirectUriPolicy;
import org.devportal.clients.redirecturi.RedirectUriVerdict;
import org.devportal.clients.redirecturi.RedirectUriViolation;
import org.devportal.clients.redirecturi.WebUri;
import org.springframework.stereotype.Component;

/**
 * The field rules of docs/client-rules.md (client fields and redirect URIs) that need the portal's configuration (the
 * platform's name and domains), composed with the value objects that carry the rest. Services and the UI's converters
 * both go through here, so each rule exists once. Every failure is an {@link InvalidInputException} naming the field.
 */
@Component
public class ClientRules {

    private final Branding branding;
    private final RedirectUriPolicy redirectUris;

    @org.springframework.beans.factory.annotation.Autowired
    public ClientRules(PortalProperties portal) {
        this(portal.platformName(), new RedirectUriPolicy(portal.platformDomains()));
    }

    ClientRules(String platformName, RedirectUriPolicy redirectUris) {
        this.branding = new Branding(platformName);
        this.redirectUris = redirectUris;
    }

    /** The platform's name as users see it, which client names must not contain. */
    public String platformName() {
        return branding.platformName();
    }

    /** The rule on client names, as a hint shown before the user types: it names the platform. */
    public String nameHint() {
        String platformName = branding.platformName();
        return "Users see this name when they connect your integration. Do not use \"" + platformName
                + "\" in it, nor a look-alike of it: users should not mistake your integration for " + platformName
                + "'s own.";
    }

    public ClientName name(String raw) {
        ClientName name = field(ClientField.NAME, () -> new ClientName(raw));
        if (branding.appearsIn(name.value())) {
            String platformName = branding.platformName();
            throw new InvalidInputException(
                    ClientField.NAME.id(),
                    "Do not use " + platformName + " branding: remove \"" + platformName
                            + "\" from the client name, since users should not mistake your integration for "
                            + platformName + "'s own (look-alike letters count too)");
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

    /** A web address that must be there, such as the client URI the create wizard asks for. */
    public WebUri requiredWebUri(ClientField field, String raw, Environment environment) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(
                    field.id(), field.label() + " is required; enter an address such as https://app.example.com");
        }
        return optionalWebUri(field.id(), raw.strip(), environment).orElseThrow();
    }

    /**
     * One redirect URI, such as the create wizard's first one, as a value.
     *
     * @throws InvalidInputException on {@code redirectUris} with the first rule it breaks
     */
    public RedirectUri redirectUri(String raw, Environment environment) {
        RedirectUriVerdict verdict = redirectUris.verdict(raw, environment);
        return verdict.uri()
                .orElseThrow(() -> new InvalidInputException(
                        ClientField.REDIRECT_URIS.id(),
                        verdict.error().orElseThrow().message()));
    }

    /**
     * A client's whole list of redirect URIs as values: the one place where typed text becomes {@link RedirectUri}s
     * on a save, checked once each.
     *
     * @throws InvalidInputException on {@code redirectUris} with the first problem, by position
     */
    public List<RedirectUri> redirectUris(List<String> raw, Environment environment) {
        RedirectUriEvaluation evaluation = redirectUris.evaluate(raw, environment);
        Optional<RedirectUriViolation> error = evaluation.firstError();
        if (error.isPresent()) {
            throw new InvalidInputException(
                    ClientField.REDIRECT_URIS.id(), error.get().message());
        }
        return evaluation.uris();
    }

    /** What the environment makes of a list of redirect URIs, errors and production warnings alike, for display. */
    public RedirectUriEvaluation evaluateRedirectUris(List<String> raw, Environment environment) {
        return redirectUris.evaluate(raw, environment);
    }

    /** What the environment makes of one redirect URI, such as a form row as the user types it. */
    public RedirectUriVerdict redirectUriVerdict(String raw, Environment environment) {
        return redirectUris.verdict(raw, environment);
    }

    public ContactEmails contacts(List<String> raw) {
        return field(ClientField.CONTACTS, () -> ContactEmails.parse(raw));
    }

    private static <T> T field(ClientField field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field.id(), e.getMessage());
        }
    }
}
