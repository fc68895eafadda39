package org.devportal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** The centred card the identity provider's pages share. */
final class AuthCard extends Div {

    private final Div card = new Div();

    AuthCard(String title) {
        addClassName("portal-auth");
        card.addClassName("portal-auth-card");
        card.add(new H1(title));
        add(card);
    }

    AuthCard text(String text) {
        Paragraph paragraph = new Paragraph(text);
        card.add(paragraph);
        return this;
    }

    AuthCard with(Component... components) {
        card.add(components);
        return this;
    }

    /** Replaces everything below the title. */
    void replaceBody(String title, Component... components) {
        card.removeAll();
        card.add(new H1(title));
        card.add(components);
    }
}
