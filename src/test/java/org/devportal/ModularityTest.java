package org.devportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modules_depend_on_each_other_only_through_their_public_api_and_without_cycles() {
        modules.verify();
    }

    @Test
    void the_portal_is_split_into_its_feature_modules() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("base", "security", "clients", "review");
    }
}
