package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.review.ReviewTest.snapshot;

import java.util.List;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.junit.jupiter.api.Test;

class RevisionDiffTest {

    private final ClientSnapshot approved =
            snapshot("Ledger Sync", List.of("https://ledger.example.com/callback"), List.of("vendors:read"));

    private static FieldDiff field(List<FieldDiff> diff, String name) {
        return diff.stream().filter(f -> f.field().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void an_unchanged_revision_has_no_changes_and_no_risks() {
        List<FieldDiff> diff = RevisionDiff.of(approved, approved);
        assertThat(diff).noneMatch(FieldDiff::changed);
        assertThat(diff).allMatch(f -> f.risks().isEmpty());
    }

    @Test
    void a_new_redirect_host_and_a_loopback_uri_are_tagged() {
        ClientSnapshot submitted = snapshot(
                "Ledger Sync",
                List.of("https://ledger.example.com/callback", "https://evil.example.net/cb", "http://127.0.0.1/cb"),
                List.of("vendors:read"));
        FieldDiff redirects = field(RevisionDiff.of(approved, submitted), "Redirect URIs");
        assertThat(redirects.changed()).isTrue();
        assertThat(redirects.risks()).containsExactly(Risk.NEW_REDIRECT_HOST, Risk.HTTP_OR_LOOPBACK_ADDED);
    }

    @Test
    void another_path_on_a_known_host_is_a_change_without_risk() {
        ClientSnapshot submitted = snapshot(
                "Ledger Sync",
                List.of("https://ledger.example.com/callback", "https://ledger.example.com/other"),
                List.of("vendors:read"));
        FieldDiff redirects = field(RevisionDiff.of(approved, submitted), "Redirect URIs");
        assertThat(redirects.changed()).isTrue();
        assertThat(redirects.risks()).isEmpty();
    }

    @Test
    void added_scopes_a_new_name_and_a_new_client_type_are_tagged_but_removed_scopes_are_not() {
        ClientSnapshot submitted = new ClientSnapshot(
                "Ledger Sync 2",
                approved.clientUri(),
                approved.logoHash(),
                approved.tosUri(),
                approved.policyUri(),
                approved.contacts(),
                approved.initiationUri(),
                approved.settingsUri(),
                approved.redirectUris(),
                List.of("accounts:read", "vendors:read"),
                ClientType.PUBLIC,
                true,
                approved.subjectType());
        List<FieldDiff> diff = RevisionDiff.of(approved, submitted);
        assertThat(field(diff, "Scopes").risks()).containsExactly(Risk.SCOPE_ADDED);
        assertThat(field(diff, "Client name").risks()).containsExactly(Risk.NAME_CHANGED);
        assertThat(field(diff, "Client type").risks()).containsExactly(Risk.CLIENT_TYPE_CHANGED);
        assertThat(field(RevisionDiff.of(submitted, approved), "Scopes").risks())
                .isEmpty();
    }

    @Test
    void a_changed_logo_and_a_pkce_exception_are_tagged() {
        ClientSnapshot submitted = new ClientSnapshot(
                approved.name(),
                approved.clientUri(),
                "b".repeat(64),
                approved.tosUri(),
                approved.policyUri(),
                approved.contacts(),
                approved.initiationUri(),
                approved.settingsUri(),
                approved.redirectUris(),
                approved.scopes(),
                approved.clientType(),
                false,
                approved.subjectType());
        List<FieldDiff> diff = RevisionDiff.of(approved, submitted);
        assertThat(field(diff, "Logo").risks()).containsExactly(Risk.LOGO_CHANGED);
        assertThat(field(diff, "PKCE").risks()).containsExactly(Risk.PKCE_EXCEPTION);
    }

    @Test
    void a_first_submission_shows_every_field_as_new_and_still_tags_its_redirect_hosts() {
        List<FieldDiff> diff = RevisionDiff.of(null, approved);
        assertThat(field(diff, "Client name").before()).isNull();
        assertThat(field(diff, "Client name").risks()).isEmpty();
        assertThat(field(diff, "Redirect URIs").risks()).containsExactly(Risk.NEW_REDIRECT_HOST);
    }
}
