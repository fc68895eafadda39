package org.devportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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

    @Test
    void registration_and_the_sandbox_are_modules_of_their_own_that_do_not_depend_on_the_issuers() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("authserver", "registration", "sandbox");
        for (String module : List.of("registration", "sandbox")) {
            assertThat(modules.getModuleByName(module)
                            .orElseThrow()
                            .getAllDependencies(modules)
                            .containsModuleNamed("authserver"))
                    .as("%s depends on authserver", module)
                    .isFalse();
        }
    }

    /**
     * A module without declared allowed dependencies may use every named interface, including the clients module's
     * lifecycle and machine-caller interfaces; declaring them is what lets the verification above keep those two
     * to the review and the registration modules.
     */
    @Test
    void every_module_that_depends_on_clients_declares_its_allowed_dependencies() {
        assertThat(modules.stream()
                        .filter(module -> module.getDirectDependencies(modules).containsModuleNamed("clients"))
                        .filter(module -> module.getAllowedDependencies(modules).isEmpty())
                        .map(ApplicationModule::getName))
                .isEmpty();
    }
}
