package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.devportal.clients.redirecturi.RedirectUri;
import org.junit.jupiter.api.Test;

class SnapshotConverterTest {

    private final SnapshotConverter converter = new SnapshotConverter();

    /** A snapshot as stored before redirect URIs were values: the shape every stored snapshot has. */
    private static final String STORED = """
            {"name":"Ledger Sync","clientUri":"https://ledger.example.com","logoHash":null,"tosUri":null,\
            "policyUri":null,"contacts":["dev@ledger.example.com"],"initiationUri":null,"settingsUri":null,\
            "redirectUris":["https://ledger.example.com/cb","http://127.0.0.1:08080/cb"],\
            "scopes":["vendors:read"],"clientType":"CONFIDENTIAL","pkceRequired":true,"subjectType":"NONE"}""";

    @Test
    void a_stored_snapshot_loads_even_with_a_redirect_uri_that_todays_rules_refuse() {
        ClientSnapshot snapshot = converter.convertToEntityAttribute(STORED);

        assertThat(snapshot.redirectUris())
                .extracting(RedirectUri::value)
                .containsExactly("https://ledger.example.com/cb", "http://127.0.0.1:08080/cb");
        assertThat(snapshot.name()).isEqualTo("Ledger Sync");
    }

    @Test
    void redirect_uris_are_written_as_plain_strings_so_the_stored_shape_stays_the_same() {
        ClientSnapshot snapshot = converter.convertToEntityAttribute(STORED);

        String written = converter.convertToDatabaseColumn(snapshot);

        assertThat(written)
                .contains("\"redirectUris\":[\"https://ledger.example.com/cb\",\"http://127.0.0.1:08080/cb\"]");
        assertThat(converter.convertToEntityAttribute(written)).isEqualTo(snapshot);
    }

    @Test
    void a_missing_snapshot_stays_missing() {
        assertThat(converter.convertToEntityAttribute(null)).isNull();
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
    }
}
