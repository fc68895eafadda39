package org.devportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.devportal");

    @Test
    void only_views_and_the_security_and_app_shell_glue_use_vaadin() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..ui..")
                .and()
                .doNotHaveFullyQualifiedName(Application.class.getName())
                .and()
                .doNotHaveFullyQualifiedName("org.devportal.security.PortalSecurityConfiguration")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .because("rules live in plain Java that can be tested without Vaadin")
                .check(PORTAL);
    }

    @Test
    void views_do_not_use_repositories() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .because("views turn an intent into one service call")
                .check(PORTAL);
    }
}
