package org.devportal.authserver.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.devportal.authserver.ConsentRequest;
import org.devportal.authserver.ConsentRequests;
import org.devportal.base.PortalProperties;

/**
 * The consent page of both issuers: the {@link ConsentScreen} of the request waiting for the signed-in user. The
 * answer is a plain form post to the issuer's authorization endpoint, which checks everything again.
 */
@Route(value = "consent", autoLayout = false)
@PageTitle("Authorise access")
@PermitAll
final class ConsentView extends Div implements BeforeEnterObserver {

    private final ConsentRequests requests;
    private final PortalProperties portal;

    ConsentView(ConsentRequests requests, PortalProperties portal) {
        this.requests = requests;
        this.portal = portal;
        addClassName("portal-auth");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String state = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("state")
                .orElse("");
        Optional<ConsentRequest> request = requests.pending(state);
        removeAll();
        if (request.isEmpty()) {
            Div card = new Div();
            card.addClassNames("portal-auth-card", "portal-consent");
            H1 title = new H1("This request is no longer waiting");
            Paragraph text = new Paragraph("The authorization request has expired or was already answered. "
                    + "Go back to the application and start again.");
            text.setId("consent-missing");
            card.add(title, text);
            add(card);
            return;
        }
        add(new ConsentScreen(request.get(), portal.platformName(), ConsentScreen.Mode.LIVE, ""));
    }
}
