package org.devportal.authserver.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
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
 * The consent page of both issuers. It shows who asks (logo, name, links), for what (each scope and what it
 * allows), on whose behalf (the team's sandbox company), and whether a reviewer has approved the client. The
 * answer is a plain form post to the issuer's authorization endpoint, which checks everything again.
 */
@Route(value = "consent", autoLayout = false)
@PageTitle("Authorise access")
@PermitAll
final class ConsentView extends Div implements BeforeEnterObserver {

    private final ConsentRequests requests;
    private final PortalProperties portal;
    private final Div card = new Div();

    ConsentView(ConsentRequests requests, PortalProperties portal) {
        this.requests = requests;
        this.portal = portal;
        addClassName("portal-auth");
        card.addClassNames("portal-auth-card", "portal-consent");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String state = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("state")
                .orElse("");
        Optional<ConsentRequest> request = requests.pending(state);
        card.removeAll();
        if (request.isEmpty()) {
            H1 title = new H1("This request is no longer waiting");
            Paragraph text = new Paragraph("The authorization request has expired or was already answered. "
                    + "Go back to the application and start again.");
            text.setId("consent-missing");
            card.add(title, text);
            return;
        }
        show(request.get());
    }

    private void show(ConsentRequest request) {
        Div header = new Div();
        header.addClassName("portal-consent-header");
        header.add(logo(request));
        H1 title = new H1(
                request.member()
                        ? request.clientName() + " wants to access " + request.companyName()
                        : request.clientName() + " wants access");
        title.setId("consent-title");
        header.add(title);
        card.add(header);

        Span environment =
                new Span(request.issuer() == org.devportal.authserver.Issuer.SANDBOX ? "Sandbox" : "Production");
        environment.getElement().getThemeList().add("badge " + (request.reviewed() ? "success" : "contrast"));
        environment.setId("consent-environment");
        card.add(environment);

        if (!request.reviewed()) {
            Paragraph warning = new Paragraph(portal.platformName() + " has not reviewed this client. Continue only if "
                    + "you trust it. In the sandbox it reaches only your team's sandbox company and its dummy data.");
            warning.addClassName("portal-consent-warning");
            warning.setId("consent-unreviewed");
            card.add(warning);
        }

        if (!request.member()) {
            Paragraph refusal = new Paragraph("Only members of the team that owns " + request.clientName()
                    + " can authorise it for their sandbox company. Ask a member of that team, or cancel.");
            refusal.setId("consent-not-member");
            refusal.addClassName("portal-consent-warning");
            card.add(refusal, decisions(request, false));
            return;
        }

        Paragraph intro = new Paragraph("It asks to:");
        UnorderedList scopes = new UnorderedList();
        scopes.setId("consent-scopes");
        scopes.addClassName("portal-consent-scopes");
        for (ConsentRequest.RequestedScope scope : request.scopes()) {
            ListItem item = new ListItem();
            Span description = new Span(scope.description());
            Span name = new Span(scope.name());
            name.addClassName("portal-muted");
            item.add(description, new Span(" "), name);
            scopes.add(item);
        }
        card.add(intro, scopes);

        Div links = new Div();
        links.addClassName("portal-consent-links");
        addLink(links, request.clientUri(), "Website", "consent-client-uri");
        addLink(links, request.tosUri(), "Terms of service", "consent-tos");
        addLink(links, request.policyUri(), "Privacy policy", "consent-policy");
        if (links.getChildren().findAny().isEmpty()) {
            links.add(new Span("This client has no website, terms or privacy policy yet."));
        }
        card.add(links);

        Paragraph redirect = new Paragraph("After you answer, you go back to " + request.redirectHost() + ".");
        redirect.addClassName("portal-muted");
        card.add(redirect, decisions(request, true));
    }

    private Component logo(ConsentRequest request) {
        if (request.logoUrl() != null) {
            Image image = new Image(request.logoUrl(), request.clientName() + " logo");
            image.setId("consent-logo");
            image.setWidth("64px");
            image.setHeight("64px");
            return image;
        }
        Div placeholder = new Div(request.clientName().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        placeholder.addClassName("portal-consent-logo-placeholder");
        return placeholder;
    }

    private static void addLink(Div links, String uri, String label, String id) {
        if (uri == null) {
            return;
        }
        Anchor anchor = new Anchor(uri, label, AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        anchor.setId(id);
        links.add(anchor);
    }

    /** Two native forms: "Allow" posts the requested scopes, "Cancel" posts none, which is a denial. */
    private Div decisions(ConsentRequest request, boolean allowed) {
        Div buttons = new Div();
        buttons.addClassName("portal-consent-buttons");
        Element cancelForm = form(request, false);
        Button cancel = new Button("Cancel", event -> cancelForm.callJsFunction("submit"));
        cancel.setId("consent-deny");
        buttons.getElement().appendChild(cancelForm);
        buttons.add(cancel);
        if (allowed) {
            Element allowForm = form(request, true);
            Button allow = new Button("Allow", event -> allowForm.callJsFunction("submit"));
            allow.setId("consent-approve");
            allow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            allow.setDisableOnClick(true);
            buttons.getElement().appendChild(allowForm);
            buttons.add(allow);
        }
        return buttons;
    }

    private static Element form(ConsentRequest request, boolean approve) {
        Element form = new Element("form");
        form.setAttribute("method", "post");
        form.setAttribute("action", request.authorizationEndpoint());
        form.setAttribute("hidden", true);
        form.appendChild(hidden("client_id", request.clientId()), hidden("state", request.state()));
        if (approve) {
            request.scopes().forEach(scope -> form.appendChild(hidden("scope", scope.name())));
        }
        return form;
    }

    private static Element hidden(String name, String value) {
        Element input = new Element("input");
        input.setAttribute("type", "hidden");
        input.setAttribute("name", name);
        input.setAttribute("value", value);
        return input;
    }
}
