package org.devportal.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.devportal.security.SignInFailure;

/** Where a failed sign-in callback lands: what went wrong, and a way to start again. */
@Route(value = "signin-error", autoLayout = false)
@PageTitle("Sign-in failed")
@AnonymousAllowed
final class SignInErrorView extends Div implements BeforeEnterObserver {

    private final Paragraph message = new Paragraph();

    SignInErrorView() {
        message.setId("sign-in-error");
        Anchor again = new Anchor("", "Sign in again");
        again.setId("sign-in-again");
        // A full page load, so the sign-in starts afresh with a new state.
        again.setRouterIgnore(true);
        add(new AuthCard("Sign-in failed").with(message, again));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String reason = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("reason")
                .orElse("");
        message.setText(SignInFailure.fromCode(reason).message());
    }
}
