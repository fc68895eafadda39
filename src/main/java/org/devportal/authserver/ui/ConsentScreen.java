package org.devportal.authserver.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import java.util.Locale;
import org.devportal.authserver.ConsentRequest;
import org.devportal.authserver.Issuer;

/**
 * The consent screen: who asks (logo, name, links), for what (each scope and what it allows), on whose behalf (the
 * team's sandbox company), and whether a reviewer has approved the client. The issuers' consent page and the client
 * page's preview both show this one component, so the preview cannot drift from what users see.
 *
 * <p>Only the live screen answers: "Allow" and "Cancel" post plain forms to the issuer's authorization endpoint,
 * which checks everything again. In the preview they are shown, inert, and ids carry a prefix, so that two previews
 * can sit on one page.
 */
final class ConsentScreen extends Div {

    /** Whether the screen answers a real request or previews one. */
    enum Mode {
        LIVE,
        PREVIEW
    }

    private final ConsentRequest request;
    private final String platformName;
    private final Mode mode;
    private final String idPrefix;

    /**
     * @param idPrefix put before every id: empty on the consent page, a distinct one for each preview
     */
    ConsentScreen(ConsentRequest request, String platformName, Mode mode, String idPrefix) {
        this.request = request;
        this.platformName = platformName;
        this.mode = mode;
        this.idPrefix = idPrefix;
        addClassNames("portal-auth-card", "portal-consent");
        show();
    }

    private void show() {
        Div header = new Div();
        header.addClassName("portal-consent-header");
        header.add(logo());
        String text = request.member()
                ? request.clientName() + " wants to access " + request.companyName()
                : request.clientName() + " wants access";
        // The page's own heading on the consent page; inside the client page, whose heading is the client's name, a
        // sub-heading of the preview, styled the same.
        HtmlContainer title = mode == Mode.LIVE ? new H1(text) : new H4(text);
        title.addClassName("portal-consent-title");
        title.setId(id("consent-title"));
        header.add(title);
        add(header);

        Span environment = new Span(request.issuer() == Issuer.SANDBOX ? "Sandbox" : "Production");
        environment.getElement().getThemeList().add("badge " + (request.reviewed() ? "success" : "contrast"));
        environment.setId(id("consent-environment"));
        add(environment);

        if (!request.reviewed()) {
            Paragraph warning = new Paragraph(platformName + " has not reviewed this client. Continue only if "
                    + "you trust it. In the sandbox it reaches only your team's sandbox company and its dummy data.");
            warning.addClassName("portal-consent-warning");
            warning.setId(id("consent-unreviewed"));
            add(warning);
        }

        if (!request.member()) {
            Paragraph refusal = new Paragraph("Only members of the team that owns " + request.clientName()
                    + " can authorise it for their sandbox company. Ask a member of that team, or cancel.");
            refusal.setId(id("consent-not-member"));
            refusal.addClassName("portal-consent-warning");
            add(refusal, decisions(false));
            return;
        }

        Paragraph intro = new Paragraph("It asks to:");
        UnorderedList scopes = new UnorderedList();
        scopes.setId(id("consent-scopes"));
        scopes.addClassName("portal-consent-scopes");
        for (ConsentRequest.RequestedScope scope : request.scopes()) {
            ListItem item = new ListItem();
            Span description = new Span(scope.description());
            Span name = new Span(scope.name());
            name.addClassName("portal-muted");
            item.add(description, new Span(" "), name);
            scopes.add(item);
        }
        add(intro, scopes);

        Div links = new Div();
        links.addClassName("portal-consent-links");
        addLink(links, request.clientUri(), "Website", "consent-client-uri");
        addLink(links, request.tosUri(), "Terms of service", "consent-tos");
        addLink(links, request.policyUri(), "Privacy policy", "consent-policy");
        if (links.getChildren().findAny().isEmpty()) {
            links.add(new Span("This client has no website, terms or privacy policy yet."));
        }
        add(links);

        Paragraph redirect = new Paragraph("After you answer, you go back to "
                + (request.redirectHost() == null ? "the application" : request.redirectHost()) + ".");
        redirect.addClassName("portal-muted");
        add(redirect, decisions(true));
    }

    private Component logo() {
        if (request.logoUrl() != null) {
            Image image = new Image(request.logoUrl(), request.clientName() + " logo");
            image.setId(id("consent-logo"));
            image.setWidth("64px");
            image.setHeight("64px");
            return image;
        }
        String name = request.clientName() == null ? "" : request.clientName().strip();
        Div placeholder = new Div(name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT));
        placeholder.addClassName("portal-consent-logo-placeholder");
        return placeholder;
    }

    private void addLink(Div links, String uri, String label, String id) {
        if (uri == null) {
            return;
        }
        Anchor anchor = new Anchor(uri, label, AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        anchor.setId(id(id));
        links.add(anchor);
    }

    /** Two native forms: "Allow" posts the requested scopes, "Cancel" posts none, which is a denial. */
    private Div decisions(boolean allowed) {
        Div buttons = new Div();
        buttons.addClassName("portal-consent-buttons");
        Button cancel = new Button("Cancel");
        cancel.setId(id("consent-deny"));
        buttons.add(cancel);
        Button allow = null;
        if (allowed) {
            allow = new Button("Allow");
            allow.setId(id("consent-approve"));
            allow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(allow);
        }
        if (mode == Mode.PREVIEW) {
            cancel.setEnabled(false);
            if (allow != null) {
                allow.setEnabled(false);
            }
            return buttons;
        }
        Element cancelForm = form(false);
        cancel.addClickListener(event -> cancelForm.callJsFunction("submit"));
        buttons.getElement().insertChild(0, cancelForm);
        if (allow != null) {
            Element allowForm = form(true);
            allow.addClickListener(event -> allowForm.callJsFunction("submit"));
            allow.setDisableOnClick(true);
            buttons.getElement().insertChild(buttons.getElement().indexOfChild(allow.getElement()), allowForm);
        }
        return buttons;
    }

    private Element form(boolean approve) {
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

    private String id(String base) {
        return idPrefix + base;
    }
}
