package org.devportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a list shows when it has nothing in it: what belongs here, and how to get it there. */
public final class EmptyState extends Div {

    public EmptyState(VaadinIcon icon, String title, String explanation, Component... actions) {
        addClassName("portal-empty-state");
        var image = icon.create();
        image.setSize("48px");
        add(image, new H2(title), new Paragraph(explanation));
        add(actions);
    }
}
