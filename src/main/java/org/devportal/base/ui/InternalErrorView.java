package org.devportal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shown when opening a page fails unexpectedly: an apology and a reference, never a stack trace. */
@PageTitle("Something went wrong")
@AnonymousAllowed
final class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    private final Paragraph reference = new Paragraph();

    InternalErrorView() {
        addClassName("portal-page");
        reference.addClassName("portal-reference");
        add(
                new H1("Something went wrong"),
                new Paragraph("The page could not be opened. Try again in a moment."),
                reference,
                new Anchor("", "Go to the start page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String ref = ErrorReference.next();
        log.error(
                "Navigation to '{}' failed [ref {}]",
                event.getLocation().getPath(),
                ref,
                parameter.getCaughtException());
        reference.setText("Reference: " + ref);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
