package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devportal.base.TryAgainLaterException;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Password hashing has a bounded cost: a cap on hashes at once, and hourly limits on what sends e-mail. */
class PasswordCostIT extends IntegrationTest {

    private static final String PASSWORD = "concurrent sign-in passphrase";
    private static final int CAP = 4;

    @Autowired
    AccountService accounts;

    @Autowired
    BoundedPasswordEncoder encoder;

    @Test
    void concurrent_sign_ins_never_run_more_hashes_at_once_than_the_cap() throws Exception {
        String email = "crowd-" + UUID.randomUUID() + "@example.com";
        accounts.ensureDemoAccount(email, "Crowd", PASSWORD, Set.of(Role.DEVELOPER));
        List<HttpTestClient> clients = new ArrayList<>();
        List<String> csrf = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            HttpTestClient client = new HttpTestClient(baseUrl());
            csrf.add(client.csrfTokenOf(client.follow(client.get("/"))));
            clients.add(client);
        }
        encoder.resetMostAtOnce();

        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < clients.size(); i++) {
                HttpTestClient client = clients.get(i);
                Map<String, String> form = new LinkedHashMap<>();
                form.put("username", email);
                form.put("password", PASSWORD);
                form.put("_csrf", csrf.get(i));
                answers.add(pool.submit(() -> client.postForm("/idp/login", form)));
            }
        }

        assertThat(encoder.mostAtOnce()).isBetween(1, CAP);
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(HttpTestClient.location(answer.get()))
                    .satisfiesAnyOf(
                            location -> assertThat(location).startsWith(baseUrl() + "/idp/oauth2/authorize?"),
                            location -> assertThat(location).isEqualTo(baseUrl() + "/idp/login?error=busy"));
        }
    }

    @Test
    void signing_up_the_same_address_again_and_again_is_refused_after_the_hourly_allowance() {
        String email = "again-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            accounts.signUp(email, "Again", "a long enough passphrase");
        }

        assertThatThrownBy(() -> accounts.signUp(email, "Again", "a long enough passphrase"))
                .isInstanceOf(TryAgainLaterException.class);
        assertThat(mail.sentTo(email)).hasSize(3);
    }

    @Test
    void reset_links_for_one_address_are_limited_per_hour() {
        String email = "reset-" + UUID.randomUUID() + "@example.com";
        accounts.ensureDemoAccount(email, "Resetter", PASSWORD, Set.of(Role.DEVELOPER));
        for (int i = 0; i < 5; i++) {
            accounts.requestPasswordReset(email);
        }

        assertThatThrownBy(() -> accounts.requestPasswordReset(email)).isInstanceOf(TryAgainLaterException.class);
        assertThat(mail.sentTo(email)).hasSize(5);
    }
}
