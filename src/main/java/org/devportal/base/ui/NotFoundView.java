package org.devportal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for pages that do not exist and pages the user may not open. Both look the same on purpose: whether
 * something exists is itself information.
 */
@PageTitle("Page not found")
@AnonymousAllowed
final class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    NotFoundView() {
        addClassName("portal-page");
        add(
                new H1("Page not found"),
                new Paragraph("This page does not exist, or you do not have access to it."),
                new Anchor("", "Go to the start page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
