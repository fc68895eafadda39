package org.devportal.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * The field-by-field comparison of a submitted revision with the last approved one, each change tagged with its
 * risk. Before the first approval every field is new, and the risks still say what to look at.
 */
public final class RevisionDiff {

    private RevisionDiff() {}

    /** Every field of the client, in the order of {@link ClientField}. */
    public static List<FieldDiff> of(ClientSnapshot approved, ClientSnapshot submitted) {
        List<FieldDiff> diff = new ArrayList<>();
        for (ClientField field : ClientField.values()) {
            diff.add(
                    switch (field) {
                        case REDIRECT_URIS -> redirectUris(approved, submitted);
                        case SCOPES -> scopes(approved, submitted);
                        case PKCE -> pkce(approved, submitted);
                        default -> field(field, approved, submitted);
                    });
        }
        return diff;
    }

    /** A field whose change is a risk in itself for some fields, once there is an approved revision to change. */
    private static FieldDiff field(ClientField field, ClientSnapshot approved, ClientSnapshot submitted) {
        List<Risk> risksIfChanged = switch (field) {
            case NAME -> List.of(Risk.NAME_CHANGED);
            case LOGO -> List.of(Risk.LOGO_CHANGED);
            case CLIENT_TYPE -> List.of(Risk.CLIENT_TYPE_CHANGED);
            default -> List.of();
        };
        return field(
                field, before(field, approved), field.textIn(submitted), approved == null ? List.of() : risksIfChanged);
    }

    private static FieldDiff redirectUris(ClientSnapshot approved, ClientSnapshot submitted) {
        List<RedirectUri> before = approved == null ? List.of() : approved.redirectUris();
        List<RedirectUri> after = submitted.redirectUris();
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
                ClientField.REDIRECT_URIS,
                before(ClientField.REDIRECT_URIS, approved),
                ClientField.REDIRECT_URIS.textIn(submitted),
                !before.equals(after),
                risks);
    }

    private static FieldDiff scopes(ClientSnapshot approved, ClientSnapshot submitted) {
        List<String> before = approved == null ? List.of() : approved.scopes();
        List<String> after = submitted.scopes();
        boolean added = after.stream().anyMatch(scope -> !before.contains(scope));
        return new FieldDiff(
                ClientField.SCOPES,
                before(ClientField.SCOPES, approved),
                ClientField.SCOPES.textIn(submitted),
                !before.equals(after),
                added ? List.of(Risk.SCOPE_ADDED) : List.of());
    }

    /** A PKCE exception is a risk whether or not it is new. */
    private static FieldDiff pkce(ClientSnapshot approved, ClientSnapshot submitted) {
        List<Risk> risks = submitted.pkceRequired() ? List.of() : List.of(Risk.PKCE_EXCEPTION);
        FieldDiff diff =
                field(ClientField.PKCE, before(ClientField.PKCE, approved), ClientField.PKCE.textIn(submitted), risks);
        return !diff.changed() && !risks.isEmpty()
                ? new FieldDiff(diff.clientField(), diff.before(), diff.after(), false, risks)
                : diff;
    }

    private static FieldDiff field(ClientField field, String before, String after, List<Risk> risksIfChanged) {
        boolean changed = !Objects.equals(before, after) && !(before == null && after == null);
        return new FieldDiff(field, before, after, changed, changed ? risksIfChanged : List.of());
    }

    private static String before(ClientField field, ClientSnapshot approved) {
        return approved == null ? null : field.textIn(approved);
    }
}
