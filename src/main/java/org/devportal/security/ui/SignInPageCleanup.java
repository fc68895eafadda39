package org.devportal.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ends the sign-in page's UI once a page of the signed-in portal opens in the same session. The sign-in form posts to
 * the provider natively, so the page it leaves behind is dead; the browser's "page closed" message that would end
 * its UI is often lost, because the sign-in gives the session a new ID while that message is on its way. Without
 * this, the dead page's components stay in the session until its heartbeats are missed.
 */
@Component
class SignInPageCleanup implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init -> init.getUI().addAfterNavigationListener(SignInPageCleanup::afterNavigation));
    }

    private static void afterNavigation(AfterNavigationEvent event) {
        UI current = event.getLocationChangeEvent().getUI();
        closeLeftSignInPages(current, current.getSession().getUIs());
    }

    /**
     * Closes the sign-in pages among a session's UIs once one of them shows a page past the sign-in. They leave the
     * session at the end of the request, as every closed UI does.
     */
    static void closeLeftSignInPages(UI current, Collection<UI> sessionUis) {
        if (isSignInPage(current)) {
            return;
        }
        List<UI> left = sessionUis.stream()
                .filter(ui -> ui != current && !ui.isClosing() && isSignInPage(ui))
                .toList();
        left.forEach(UI::close);
    }

    private static boolean isSignInPage(UI ui) {
        return ui.getInternals().getActiveRouterTargetsChain().stream().anyMatch(IdpLoginView.class::isInstance);
    }
}
