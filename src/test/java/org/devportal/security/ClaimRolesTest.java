package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimRolesTest {

    private final SecurityProperties properties =
            new SecurityProperties("portal", "roles", List.of("Boss@Example.com"), null, null);

    @Test
    void every_signed_in_user_is_a_developer() {
        assertThat(ClaimRoles.from(Map.of(), properties)).containsExactly(Role.DEVELOPER);
    }

    @Test
    void roles_are_read_from_a_json_array_claim_in_any_case_and_with_a_role_prefix() {
        assertThat(ClaimRoles.from(Map.of("roles", List.of("reviewer", "ROLE_ADMIN", "superuser")), properties))
                .containsExactlyInAnyOrder(Role.DEVELOPER, Role.REVIEWER, Role.ADMIN);
    }

    @Test
    void roles_are_read_from_a_space_or_comma_separated_string_claim() {
        assertThat(ClaimRoles.from(Map.of("roles", "REVIEWER, admin"), properties))
                .containsExactlyInAnyOrder(Role.DEVELOPER, Role.REVIEWER, Role.ADMIN);
    }

    @Test
    void the_claim_name_is_configurable() {
        SecurityProperties groups = new SecurityProperties("portal", "groups", List.of(), null, null);
        assertThat(ClaimRoles.from(Map.of("groups", List.of("REVIEWER"), "roles", List.of("ADMIN")), groups))
                .containsExactlyInAnyOrder(Role.DEVELOPER, Role.REVIEWER);
    }

    @Test
    void an_admin_email_makes_an_admin_only_when_the_provider_verified_it() {
        assertThat(ClaimRoles.from(Map.of("email", "boss@example.com", "email_verified", true), properties))
                .contains(Role.ADMIN);
        assertThat(ClaimRoles.from(Map.of("email", "boss@example.com", "email_verified", false), properties))
                .doesNotContain(Role.ADMIN);
        assertThat(ClaimRoles.from(Map.of("email", "boss@example.com"), properties))
                .doesNotContain(Role.ADMIN);
    }
}
