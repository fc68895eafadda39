package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;

class ErrorDescriptionsTest {

    private static Function<String, String[]> sent(Map<String, String[]> parameters) {
        return parameters::get;
    }

    private static OAuth2Error framework(String code, String parameter) {
        return new OAuth2Error(code, "OAuth 2.0 Parameter: " + parameter, "https://datatracker.ietf.org/");
    }

    @Test
    void an_unsupported_response_type_says_that_only_code_is_supported() {
        OAuth2Error error = ErrorDescriptions.authorization(
                framework("unsupported_response_type", "response_type"),
                sent(Map.of("response_type", new String[] {"token"})));
        assertThat(error.getErrorCode()).isEqualTo("unsupported_response_type");
        assertThat(error.getDescription()).startsWith("Only response_type=code is supported");
    }

    @Test
    void a_parameter_sent_twice_is_an_invalid_request_that_names_the_parameter() {
        OAuth2Error error = ErrorDescriptions.authorization(
                framework("invalid_request", "scope"), sent(Map.of("scope", new String[] {"a", "b"})));
        assertThat(error.getErrorCode()).isEqualTo("invalid_request");
        assertThat(error.getDescription()).isEqualTo("The scope parameter was sent 2 times. Send each parameter once.");
        OAuth2Error responseType = ErrorDescriptions.authorization(
                framework("invalid_request", "response_type"),
                sent(Map.of("response_type", new String[] {"code", "code", "code"})));
        assertThat(responseType.getDescription()).contains("response_type parameter was sent 3 times");
    }

    @Test
    void a_missing_client_id_and_an_unknown_one_are_told_apart() {
        assertThat(ErrorDescriptions.authorization(framework("invalid_request", "client_id"), sent(Map.of()))
                        .getDescription())
                .startsWith("The request has no client_id");
        assertThat(ErrorDescriptions.authorization(
                                framework("invalid_request", "client_id"),
                                sent(Map.of("client_id", new String[] {"x"})))
                        .getDescription())
                .startsWith("The client_id does not name a client");
    }

    @Test
    void a_denied_consent_says_the_user_denied_it() {
        OAuth2Error error = ErrorDescriptions.authorization(
                framework("access_denied", "client_id"), sent(Map.of("client_id", new String[] {"x"})));
        assertThat(error.getErrorCode()).isEqualTo("access_denied");
        assertThat(error.getDescription()).isEqualTo("The user denied the authorization request.");
    }

    @Test
    void descriptions_written_by_the_portals_own_checks_are_kept() {
        OAuth2Error own = new OAuth2Error("invalid_scope", "The request has no scope.", null);
        assertThat(ErrorDescriptions.authorization(own, sent(Map.of()))).isSameAs(own);
    }

    @Test
    void a_wrong_code_verifier_says_that_it_does_not_match_the_challenge() {
        OAuth2Error error = ErrorDescriptions.token(
                new OAuth2Error("invalid_grant", "Client authentication failed: code_verifier", null),
                sent(Map.of("code_verifier", new String[] {"v"})));
        assertThat(error.getErrorCode()).isEqualTo("invalid_grant");
        assertThat(error.getDescription()).startsWith("The code_verifier does not match the code_challenge");
        assertThat(ErrorDescriptions.token(
                                new OAuth2Error("invalid_grant", "Client authentication failed: code_verifier", null),
                                sent(Map.of()))
                        .getDescription())
                .startsWith("The request has no code_verifier");
    }

    @Test
    void client_authentication_failures_keep_their_own_description() {
        OAuth2Error invalidClient = new OAuth2Error("invalid_client", "Client authentication failed: client_id", null);
        assertThat(ErrorDescriptions.token(invalidClient, sent(Map.of()))).isSameAs(invalidClient);
    }

    @Test
    void a_bare_invalid_grant_for_a_code_explains_what_can_be_wrong_with_the_code() {
        OAuth2Error error = ErrorDescriptions.token(
                new OAuth2Error("invalid_grant"), sent(Map.of("grant_type", new String[] {"authorization_code"})));
        assertThat(error.getDescription()).startsWith("The code is unknown, has expired or was already used");
        OAuth2Error refresh = new OAuth2Error("invalid_grant");
        assertThat(ErrorDescriptions.token(refresh, sent(Map.of("grant_type", new String[] {"refresh_token"}))))
                .isSameAs(refresh);
    }

    @Test
    void a_token_request_parameter_sent_twice_is_named() {
        OAuth2Error error = ErrorDescriptions.token(
                framework("invalid_request", "code"), sent(Map.of("code", new String[] {"a", "b"})));
        assertThat(error.getDescription()).isEqualTo("The code parameter was sent 2 times. Send each parameter once.");
        assertThat(ErrorDescriptions.token(framework("invalid_request", "grant_type"), sent(Map.of()))
                        .getDescription())
                .isEqualTo("The grant_type parameter is missing or not valid.");
    }
}
