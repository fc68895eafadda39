package org.devportal.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * The field-by-field comparison of a submitted revision with the last approved one, each change tagged with its
 * risk. Before the first approval every field is new, and the risks still say what to look at.
 */
public final class RevisionDiff {

    private RevisionDiff() {}

    public static List<FieldDiff> of(ClientSnapshot approved, ClientSnapshot submitted) {
        List<FieldDiff> diff = new ArrayList<>();
        boolean first = approved == null;
        diff.add(field(
                "Client name",
                first ? null : approved.name(),
                submitted.name(),
                first ? List.of() : List.of(Risk.NAME_CHANGED)));
        diff.add(field(
                "Logo",
                first ? null : approved.logoHash(),
                submitted.logoHash(),
                first ? List.of() : List.of(Risk.LOGO_CHANGED)));
        diff.add(field("Client URI", first ? null : approved.clientUri(), submitted.clientUri(), List.of()));
        diff.add(field("Terms of service URI", first ? null : approved.tosUri(), submitted.tosUri(), List.of()));
        diff.add(field("Privacy policy URI", first ? null : approved.policyUri(), submitted.policyUri(), List.of()));
        diff.add(
                field("Initiation URI", first ? null : approved.initiationUri(), submitted.initiationUri(), List.of()));
        diff.add(field("Settings URI", first ? null : approved.settingsUri(), submitted.settingsUri(), List.of()));
        diff.add(field(
                "Contact e-mails", first ? null : lines(approved.contacts()), lines(submitted.contacts()), List.of()));
        diff.add(redirectUris(first ? List.of() : approved.redirectUris(), submitted.redirectUris(), first));
        diff.add(scopes(first ? List.of() : approved.scopes(), submitted.scopes(), first));
        diff.add(field(
                "Client type",
                first ? null : approved.clientType().label(),
                submitted.clientType().label(),
                first ? List.of() : List.of(Risk.CLIENT_TYPE_CHANGED)));
        List<Risk> pkce = submitted.pkceRequired() ? List.of() : List.of(Risk.PKCE_EXCEPTION);
        FieldDiff pkceDiff = field("PKCE", first ? null : pkce(approved), pkce(submitted), pkce);
        diff.add(
                !pkceDiff.changed() && !pkce.isEmpty()
                        ? new FieldDiff(pkceDiff.field(), pkceDiff.before(), pkceDiff.after(), false, pkce)
                        : pkceDiff);
        diff.add(field(
                "Subject type preference",
                first ? null : approved.subjectType().label(),
                submitted.subjectType().label(),
                List.of()));
        return diff;
    }

    private static FieldDiff redirectUris(List<RedirectUri> before, List<RedirectUri> after, boolean first) {
        Set<String> knownHosts = new LinkedHashSet<>();
        before.forEach(uri -> knownHosts.add(uri.host()));
        List<Risk> risks = new ArrayList<>();
        for (RedirectUri uri : after) {
            if (before.contains(uri)) {
                continue;
            }
            if (!knownHosts.contains(uri.host()) && !risks.contains(Risk.NEW_REDIRECT_HOST)) {
                risks.add(Risk.NEW_REDIRECT_HOST);
            }
            if ((!uri.isHttps() || uri.isLoopback()) && !risks.contains(Risk.HTTP_OR_LOOPBACK_ADDED)) {
                risks.add(Risk.HTTP_OR_LOOPBACK_ADDED);
            }
        }
        return new FieldDiff(
                "Redirect URIs",
                first ? null : lines(values(before)),
                lines(values(after)),
                !before.equals(after),
                risks);
    }

    private static FieldDiff scopes(List<String> before, List<String> after, boolean first) {
        boolean added = after.stream().anyMatch(scope -> !before.contains(scope));
        return new FieldDiff(
                "Scopes",
                first ? null : String.join(" ", before),
                String.join(" ", after),
                !before.equals(after),
                added ? List.of(Risk.SCOPE_ADDED) : List.of());
    }

    private static FieldDiff field(String label, String before, String after, List<Risk> risksIfChanged) {
        boolean changed = !Objects.equals(before, after) && !(before == null && after == null);
        return new FieldDiff(label, before, after, changed, changed ? risksIfChanged : List.of());
    }

    private static String pkce(ClientSnapshot snapshot) {
        return snapshot.pkceRequired()
                ? "S256 required"
                : "Exception" + (snapshot.clientType() == ClientType.PUBLIC ? " (public client)" : "");
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> values(List<RedirectUri> uris) {
        return uris.stream().map(RedirectUri::value).toList();
    }
}
