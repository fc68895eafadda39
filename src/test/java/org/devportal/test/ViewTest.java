package org.devportal.test;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.HashSet;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;

/**
 * The base of karibu view tests: the real Spring context and services, with Vaadin running in-process
 * instead of in a browser.
 */
public abstract class ViewTest extends IntegrationTest {

    private static final Routes ROUTES = discoverViews("org.devportal");

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
    }

    /** Signs the user in for the security context and for Vaadin's access checks. */
    @Override
    protected void signInAs(Authentication user) {
        super.signInAs(user);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(user);
        request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)));
    }

    /**
     * Finds the routes, layouts and error views. Karibu's own discovery sees public classes only, and the
     * portal's views are package-private.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverViews(String rootPackage) {
        Set<Class<? extends Component>> routes = new HashSet<>();
        Set<Class<? extends HasErrorParameter<?>>> errorRoutes = new HashSet<>();
        try (ScanResult scan = new ClassGraph()
                .enableClassInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .acceptPackages(rootPackage)
                .scan()) {
            scan.getClassesWithAnnotation(Route.class)
                    .loadClasses(Component.class)
                    .forEach(routes::add);
            scan.getClassesWithAnnotation(Layout.class)
                    .loadClasses(Component.class)
                    .forEach(routes::add);
            scan.getClassesImplementing(HasErrorParameter.class)
                    .filter(info -> !info.isAbstract())
                    .loadClasses()
                    .forEach(type -> errorRoutes.add((Class<? extends HasErrorParameter<?>>) type));
        }
        return new Routes(routes, errorRoutes, true);
    }

    /** Navigates like a browser would to a path that may carry a query ({@code idp/login?error}). */
    protected static void navigate(String location) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent()
                    .navigate(location.substring(0, query), QueryParameters.fromString(location.substring(query + 1)));
        }
    }

    protected static UI ui() {
        return UI.getCurrent();
    }
}
