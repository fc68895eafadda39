package org.devportal.review.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.review.FourEyesException;
import org.devportal.review.ProductionAccess;
import org.devportal.review.ProductionAccessService;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.devportal.security.StepUpRequiredException;
import org.devportal.security.ui.StepUpPrompt;

/**
 * Incident response on the review page: what production does with the client, and suspend, reinstate or revoke the
 * approval, each after a dialog that asks for the reason and confirms the consequence.
 */
final class ProductionAccessPanel extends Div {

    private final ProductionAccessService access;
    private final StepUp stepUp;
    private final UUID clientId;

    ProductionAccessPanel(ProductionAccessService access, StepUp stepUp, UUID clientId) {
        this.access = access;
        this.stepUp = stepUp;
        this.clientId = clientId;
        setId("production-access");
        show(access.of(clientId));
    }

    private void show(ProductionAccess state) {
        removeAll();
        Paragraph status = new Paragraph(
                !state.approved()
                        ? "Not approved for production: the production issuer does not know this client."
                        : state.suspended()
                                ? "Suspended since " + Times.DATE_TIME.format(state.suspendedSince()) + " by "
                                        + state.suspendedBy() + ": " + state.suspensionReason()
                                        + ". The production issuer refuses its requests and its tokens."
                                : "The production issuer serves the last approved revision.");
        status.setId("production-access-status");
        add(status);
        if (!state.approved()) {
            return;
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (state.suspended()) {
            Button reinstate = new Button(
                    "Reinstate…",
                    event -> ask(
                            "Reinstate " + state.clientName() + "?",
                            "The production issuer serves the client again, and its existing tokens work again.",
                            "Reinstate",
                            false,
                            state,
                            reason -> access.reinstate(clientId, reason)));
            reinstate.setId("production-reinstate");
            actions.add(reinstate);
        } else {
            Button suspend = new Button(
                    "Suspend…",
                    event -> StepUpPrompt.ifFresh(
                            stepUp,
                            StepUpAction.SUSPEND_CLIENT,
                            () -> ask(
                                    "Suspend " + state.clientName() + "?",
                                    "The production issuer refuses the client at once: new authorizations, token requests "
                                            + "and refreshes, and its existing tokens. Its grants are kept for a "
                                            + "reinstatement.",
                                    "Suspend",
                                    false,
                                    state,
                                    reason -> access.suspend(clientId, reason))));
            suspend.setId("production-suspend");
            suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(suspend);
        }
        Button revoke = new Button(
                "Revoke approval…",
                event -> ask(
                        "Revoke the approval of " + state.clientName() + "?",
                        "Every production token of the client is revoked for good, and the team gets the client back "
                                + "as not approved. It must pass a review again to return to production.",
                        "Revoke approval",
                        true,
                        state,
                        null));
        revoke.setId("production-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(revoke);
        add(actions);
    }

    /** The dialog of one action: the consequence, the reason, and for revoking the client's name typed again. */
    private void ask(
            String title,
            String consequence,
            String confirmLabel,
            boolean typeName,
            ProductionAccess state,
            java.util.function.Function<String, ProductionAccess> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setId("production-access-dialog");
        TextArea reason = new TextArea("Reason (the team and the client's contacts read it)");
        reason.setId("production-access-reason");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        TextField name = new TextField("Type the client's name to confirm");
        name.setId("production-access-confirmation");
        name.setWidthFull();
        name.setVisible(typeName);
        dialog.add(new Paragraph(consequence), reason, name);
        Button cancel = new Button("Cancel", event -> dialog.close());
        cancel.addClickShortcut(Key.ESCAPE);
        Button confirm = new Button(confirmLabel, event -> {
            try {
                ProductionAccess after = typeName
                        ? access.revokeApproval(clientId, reason.getValue(), name.getValue())
                        : action.apply(reason.getValue());
                dialog.close();
                Notification.show(
                                "Done; the team and the client's contacts have been told.",
                                4000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show(after);
            } catch (InvalidInputException e) {
                var field = e.field().equals("confirmation") ? name : reason;
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            } catch (FourEyesException e) {
                reason.setErrorMessage(e.getMessage());
                reason.setInvalid(true);
            } catch (StepUpRequiredException e) {
                dialog.close();
                StepUpPrompt.open(e, stepUp);
            }
        });
        confirm.setId("production-access-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }
}
