package org.devportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.Test;

/**
 * The sign-in page a user left by signing in does not stay in the session once the portal opens. Karibu keeps one UI
 * per session, so the session's UIs are handed over here; the listener hands over the real session's.
 */
class SignInPageCleanupIT extends ViewTest {

    @Test
    void a_portal_page_closes_the_sign_in_page_left_in_the_same_session() {
        navigate("idp/login");
        UI signInPage = UI.getCurrent();
        UI portalPage = new UI();

        SignInPageCleanup.closeLeftSignInPages(portalPage, List.of(signInPage, portalPage));

        assertThat(signInPage.isClosing()).isTrue();
        assertThat(portalPage.isClosing()).isFalse();
    }

    @Test
    void a_sign_in_page_closes_nothing() {
        navigate("idp/login");
        UI signInPage = UI.getCurrent();
        UI otherPage = new UI();

        SignInPageCleanup.closeLeftSignInPages(signInPage, List.of(signInPage, otherPage));

        assertThat(signInPage.isClosing()).isFalse();
        assertThat(otherPage.isClosing()).isFalse();
    }
}
