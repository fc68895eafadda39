package org.devportal.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackCheckTest {

    private static final String REDIRECT = "https://app.example.com/callback";
    private static final String ISSUER = "https://portal.example.com/sandbox";
    private static final String STATE = "state-0123456789-abcdefghijklmnop";
    private static final String CODE = "code-abcdefghijklmnopqrstuvwxyz0123";

    private final CallbackCheck check = new CallbackCheck(REDIRECT, STATE, ISSUER);

    private CallbackCheck.Result check(String url) {
        return check.check(url, Instant.EPOCH);
    }

    @Test
    void a_callback_with_the_right_state_and_issuer_gives_the_code() {
        CallbackCheck.Result result = check(REDIRECT + "?code=" + CODE + "&state=" + STATE + "&iss="
                + "https%3A%2F%2Fportal.example.com%2Fsandbox");
        assertThat(result.outcome().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.code()).isEqualTo(CODE);
        assertThat(result.outcome().findings()).contains("code received: code…(35)");
        assertThat(result.outcome().toString()).doesNotContain(CODE).doesNotContain(STATE);
    }

    @Test
    void a_state_that_does_not_match_fails_and_names_csrf() {
        CallbackCheck.Result result = check(REDIRECT + "?code=" + CODE + "&state=other-state-0123456789&iss=" + ISSUER);
        assertThat(result.outcome().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.code()).isNull();
        assertThat(result.outcome().message()).startsWith("state does not match");
        assertThat(result.outcome().likelyCause()).contains("forgery");
    }

    @Test
    void a_callback_to_another_uri_names_what_was_sent_and_what_is_registered() {
        CallbackCheck.Result result = check(REDIRECT + "/?code=" + CODE + "&state=" + STATE + "&iss=" + ISSUER);
        assertThat(result.outcome().likelyCause())
                .startsWith(
                        "redirect_uri not registered exactly; you sent " + REDIRECT + "/, registered is " + REDIRECT);
    }

    @Test
    void a_missing_or_foreign_issuer_fails() {
        assertThat(check(REDIRECT + "?code=" + CODE + "&state=" + STATE)
                        .outcome()
                        .message())
                .contains("no iss");
        assertThat(check(REDIRECT + "?code=" + CODE + "&state=" + STATE + "&iss=https://evil.example.net")
                        .outcome()
                        .likelyCause())
                .contains("mix-up");
    }

    @Test
    void an_error_response_shows_the_error_its_description_and_a_likely_cause() {
        CallbackCheck.Result result = check(
                REDIRECT + "?error=access_denied&error_description=The+user+said+no&state=" + STATE + "&iss=" + ISSUER);
        assertThat(result.outcome().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.outcome().findings()).contains("error: access_denied (The user said no)");
        assertThat(result.outcome().likelyCause()).contains("Cancel");
    }
}
