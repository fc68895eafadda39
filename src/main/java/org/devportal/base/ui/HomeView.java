package org.devportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The landing route: reviewers land on their queue, developers on their clients. */
@Route("")
@PermitAll
final class HomeView extends Div implements BeforeEnterObserver {

    static final String CLIENTS_ROUTE = "clients";
    static final String REVIEW_ROUTE = "review";

    private final AuthenticationContext authentication;

    HomeView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(authentication.hasRole("REVIEWER") ? REVIEW_ROUTE : CLIENTS_ROUTE);
    }
}
