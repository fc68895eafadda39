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

    static ReviewRecord round(int revision, ClientSnapshot submitted, ReviewStatus status) {
        return new ReviewRecord(
                java.util.UUID.randomUUID(),
                1,
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                "Ledger team",
                revision,
                submitted,
                null,
                null,
                status,
                "dana",
                "Dana",
                java.time.Instant.parse("2026-11-29T10:00:00Z").plusSeconds(3600L * revision),
                status == ReviewStatus.WAITING ? null : "Rita",
                null,
                null);
    }

    @Test
    void redirect_uris_and_scopes_list_their_added_and_removed_entries() {
        ClientSnapshot submitted =
                snapshot("Ledger Sync", List.of("https://ledger.example.com/v2/callback"), List.of("accounts:read"));
        List<FieldDiff> diff = RevisionDiff.of(approved, submitted);

        assertThat(field(diff, "Redirect URIs").added()).containsExactly("https://ledger.example.com/v2/callback");
        assertThat(field(diff, "Redirect URIs").removed()).containsExactly("https://ledger.example.com/callback");
        assertThat(field(diff, "Scopes").added()).containsExactly("accounts:read");
        assertThat(field(diff, "Scopes").removed()).containsExactly("vendors:read");
        assertThat(field(diff, "Client name").listed()).isFalse();
    }

    @Test
    void a_second_round_shows_only_what_the_team_changed_since_its_previous_submission() {
        ClientSnapshot first =
                snapshot("Ledger Sync", List.of("https://ledger.example.com/callback"), List.of("vendors:read"));
        ClientSnapshot second =
                snapshot("Ledger Vendor Sync", List.of("https://ledger.example.com/callback"), List.of("vendors:read"));

        ReviewDiffs diffs = RevisionDiff.of(null, round(1, first, ReviewStatus.CHANGES_REQUESTED), second);

        assertThat(diffs.firstApproval()).isTrue();
        assertThat(diffs.previousRevision()).isEqualTo(1);
        assertThat(diffs.previousOutcome()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(diffs.sincePrevious()).singleElement().satisfies(name -> {
            assertThat(name.field()).isEqualTo("Client name");
            assertThat(name.before()).isEqualTo("Ledger Sync");
            assertThat(name.after()).isEqualTo("Ledger Vendor Sync");
            assertThat(name.risks()).containsExactly(Risk.NAME_CHANGED);
        });
        assertThat(diffs.sinceApproval())
                .as("against no approved revision, every field is new")
                .allSatisfy(f -> assertThat(f.before()).isNull());
    }

    @Test
    void a_first_submission_has_no_previous_round_and_compares_with_the_approved_revision() {
        ClientSnapshot submitted = snapshot(
                "Ledger Sync",
                List.of("https://ledger.example.com/callback"),
                List.of("accounts:read", "vendors:read"));

        ReviewDiffs diffs = RevisionDiff.of(approved, null, submitted);

        assertThat(diffs.hasPrevious()).isFalse();
        assertThat(diffs.sincePrevious()).isEmpty();
        assertThat(diffs.firstApproval()).isFalse();
        assertThat(field(diffs.sinceApproval(), "Scopes").risks()).containsExactly(Risk.SCOPE_ADDED);
    }

    @Test
    void a_resubmission_without_changes_has_an_empty_diff_against_the_previous_round() {
        ReviewDiffs diffs = RevisionDiff.of(null, round(1, approved, ReviewStatus.WITHDRAWN), approved);

        assertThat(diffs.hasPrevious()).isTrue();
        assertThat(diffs.sincePrevious()).isEmpty();
    }
}
