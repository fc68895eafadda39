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
 * The field-by-field comparison of a submitted revision with an earlier one, each change tagged with its risk. A
 * reviewer reads two: against the last approved revision (before the first approval every field is new, and the
 * risks still say what to look at) and against the previous submission, which shows what the team changed since the
 * last round. Lists (redirect URIs, scopes, contact e-mails) also say which entries were added and which removed.
 */
public final class RevisionDiff {

    private RevisionDiff() {}

    /**
     * Both comparisons of a submission.
     *
     * @param approved the last approved revision when the submission was made, or null
     * @param previous the previous submission of the client, or null for the first one
     */
    public static ReviewDiffs of(ClientSnapshot approved, ReviewRecord previous, ClientSnapshot submitted) {
        List<FieldDiff> sincePrevious = previous == null
                ? List.of()
                : of(previous.submitted(), submitted).stream()
                        .filter(FieldDiff::changed)
                        .toList();
        return new ReviewDiffs(
                of(approved, submitted),
                approved == null,
                sincePrevious,
                previous == null ? null : previous.revision(),
                previous == null ? null : previous.status());
    }

    /** Every field of the client, in the order of {@link ClientField}. */
    public static List<FieldDiff> of(ClientSnapshot approved, ClientSnapshot submitted) {
        List<FieldDiff> diff = new ArrayList<>();
        for (ClientField field : ClientField.values()) {
            diff.add(
                    switch (field) {
                        case REDIRECT_URIS -> redirectUris(approved, submitted);
                        case SCOPES -> scopes(approved, submitted);
                        case PKCE -> pkce(approved, submitted);
                        case CONTACTS -> contacts(approved, submitted);
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
                risks,
                values(missingFrom(before, after)),
                values(missingFrom(after, before)));
    }

    private static List<String> values(List<RedirectUri> uris) {
        return uris.stream().map(RedirectUri::value).toList();
    }

    /** The entries of {@code list} that {@code other} lacks, in their order. */
    private static <T> List<T> missingFrom(List<T> other, List<T> list) {
        return list.stream().filter(entry -> !other.contains(entry)).toList();
    }

    private static FieldDiff contacts(ClientSnapshot approved, ClientSnapshot submitted) {
        List<String> before = approved == null ? List.of() : approved.contacts();
        FieldDiff diff = field(ClientField.CONTACTS, approved, submitted);
        return new FieldDiff(
                diff.clientField(),
                diff.before(),
                diff.after(),
                diff.changed(),
                diff.risks(),
                missingFrom(before, submitted.contacts()),
                missingFrom(submitted.contacts(), before));
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
                added ? List.of(Risk.SCOPE_ADDED) : List.of(),
                missingFrom(before, after),
                missingFrom(after, before));
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
