package org.devportal.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.devportal.base.Environment;
import org.devportal.base.PortalProperties;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.RedirectUriPolicy;
import org.devportal.clients.redirecturi.RedirectUriVerdict;
import org.devportal.clients.redirecturi.RedirectUriViolation;
import org.devportal.clients.redirecturi.UriParts;
import org.devportal.clients.redirecturi.WebUri;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The production rules for a client's addresses, which a client edited under the sandbox rules may still break:
 * https everywhere (redirect-URI rule 7 of docs/client-rules.md and the web addresses' rule), and redirect hosts that
 * can be publicly reachable (rule 8). Submitting for review refuses a client that breaks one; the review shows the same
 * rules again as automatic checks, so both ask here.
 */
@Component
public class ProductionReadiness {

    /** The web addresses, in the order of the client page. */
    private static final List<ClientField> WEB_ADDRESSES = List.of(
            ClientField.CLIENT_URI,
            ClientField.TOS_URI,
            ClientField.POLICY_URI,
            ClientField.INITIATION_URI,
            ClientField.SETTINGS_URI);

    private final RedirectUriPolicy redirectUris;

    @Autowired
    public ProductionReadiness(PortalProperties portal) {
        this(portal.platformDomains());
    }

    /**
     * @param platformDomains the platform's own domains ({@code portal.platform-domains}), which no redirect URI may
     *        point into
     */
    public ProductionReadiness(List<String> platformDomains) {
        this.redirectUris = new RedirectUriPolicy(platformDomains);
    }

    /**
     * One reason production would refuse one of the client's addresses.
     *
     * @param field the field the address is in
     * @param address the address as registered
     * @param reason why production refuses it, as a sentence
     */
    public record Problem(ClientField field, String address, String reason) {}

    /** Every web address production would refuse, in the order of the client page: each one that is not https. */
    public List<Problem> webAddressProblems(ClientSnapshot client) {
        List<Problem> problems = new ArrayList<>();
        for (ClientField field : WEB_ADDRESSES) {
            String address = field.textIn(client);
            if (address != null) {
                WebUri.of(address)
                        .productionProblem()
                        .ifPresent(reason -> problems.add(new Problem(field, address, reason)));
            }
        }
        return problems;
    }

    /**
     * Every reason production would refuse the client's redirect URIs, by URI in the client's order: the rule a URI
     * breaks even in the sandbox, if any (a rule tightened since it was saved), then each production rule it breaks.
     */
    public List<Problem> redirectUriProblems(ClientSnapshot client) {
        List<String> registered =
                client.redirectUris().stream().map(RedirectUri::value).toList();
        List<Problem> problems = new ArrayList<>();
        for (RedirectUriVerdict verdict :
                redirectUris.evaluate(registered, Environment.SANDBOX).verdicts()) {
            for (RedirectUriViolation violation : verdict.productionProblems()) {
                problems.add(new Problem(ClientField.REDIRECT_URIS, verdict.entered(), violation.message()));
            }
        }
        return problems;
    }

    /** Every address of the client that is not https, as registered: web addresses first, then redirect URIs. */
    public List<String> notHttps(ClientSnapshot client) {
        return Stream.concat(
                        WEB_ADDRESSES.stream()
                                .map(field -> field.textIn(client))
                                .filter(Objects::nonNull)
                                .filter(address -> !UriParts.split(address).isHttps()),
                        client.redirectUris().stream()
                                .filter(uri -> !uri.isHttps())
                                .map(RedirectUri::value))
                .toList();
    }

    /**
     * Refuses a submission for review unless the client passes the completeness checklist and the production rules
     * for web addresses and redirect URIs, with one problem per field.
     *
     * @param logoRequired whether the checklist's logo counts: a machine caller cannot upload one, so a client it
     *     submits reaches review without, and the reviewer's checks show that
     */
    void refuseUnlessReadyForReview(ClientDetails details, boolean logoRequired) {
        java.util.List<SubmissionRefusedException.FieldProblem> problems = new java.util.ArrayList<>();
        for (ChecklistItem item : Checklist.of(details)) {
            if (!item.done() && (logoRequired || !item.field().equals(ClientField.LOGO.id()))) {
                problems.add(new SubmissionRefusedException.FieldProblem(
                        item.field(),
                        item.label(),
                        item.label() + " is required before review: "
                                + item.hint().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        ClientSnapshot current = details.snapshot();
        for (Problem problem : webAddressProblems(current)) {
            problems.add(new SubmissionRefusedException.FieldProblem(
                    problem.field().id(),
                    problem.field().label(),
                    problem.field().label() + ": " + problem.reason()));
        }
        for (Problem problem : redirectUriProblems(current)) {
            problems.add(new SubmissionRefusedException.FieldProblem(
                    problem.field().id(), problem.field().label(), problem.address() + ": " + problem.reason()));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefusedException(problems);
        }
    }
}
