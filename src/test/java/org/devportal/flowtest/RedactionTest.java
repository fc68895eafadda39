package org.devportal.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String TOKEN = "Zx9aQ2w3e4r5t6y7u8i9o0pLkJhGfDsA";
    private static final String SECRET = "dpsbx_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL";

    @Test
    void a_masked_value_keeps_its_first_four_characters_and_its_length() {
        assertThat(Masked.of(TOKEN)).isEqualTo("Zx9a…(32)");
        assertThat(Masked.of("short-one")).isEqualTo("…(9)");
        assertThat(Masked.of(null)).isNull();
    }

    @Test
    void sensitive_form_parameters_are_masked_and_the_others_kept() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", TOKEN);
        form.put("redirect_uri", "https://app.example.com/cb");
        assertThat(new Redaction(List.of()).form(form))
                .isEqualTo(
                        "grant_type=authorization_code&code=Zx9a…(32)&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb");
    }

    @Test
    void token_fields_of_a_json_body_are_masked_by_name() {
        String body = "{\"access_token\":\"" + TOKEN + "\",\"refresh_token\" : \"" + TOKEN + "x\",\"expires_in\":900}";
        assertThat(new Redaction(List.of()).json(body))
                .doesNotContain(TOKEN)
                .contains("\"access_token\":\"Zx9a…(32)\"", "\"refresh_token\" : \"Zx9a…(33)\"", "900");
    }

    @Test
    void a_known_value_is_masked_wherever_it_appears_even_url_encoded() {
        String state = "st+/=" + TOKEN;
        Redaction redaction = new Redaction(List.of(state));
        assertThat(redaction.text("echo " + state + " and "
                        + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8)))
                .doesNotContain(TOKEN);
        assertThat(redaction.url("https://app.example.com/cb?state=x&other=" + state))
                .doesNotContain(TOKEN)
                .contains("state=…(1)&other=st+/…(37)");
        assertThat(redaction.url("https://app.example.com/cb?state="
                        + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8) + "&iss=x"))
                .endsWith("?state=st+/…(37)&iss=x");
    }

    @Test
    void basic_credentials_show_the_client_id_and_only_the_masked_secret() {
        String basic = Base64.getEncoder().encodeToString(("client-1:" + SECRET).getBytes());
        List<String> headers = new Redaction(List.of())
                .headers(List.of(
                        "Authorization: Basic " + basic, "Authorization: Bearer " + TOKEN, "Accept: application/json"));
        assertThat(headers)
                .containsExactly(
                        "Authorization: Basic base64(client-1:dpsb…(54))",
                        "Authorization: Bearer Zx9a…(32)",
                        "Accept: application/json");
        assertThat(headers.toString()).doesNotContain(basic).doesNotContain(SECRET);
    }
}
