package org.devportal.review.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.Predicate;
import org.devportal.base.InvalidInputException;
import org.devportal.review.CheckResult;
import org.devportal.review.FieldDiff;
import org.devportal.review.ReviewDetails;

/**
 * Asks the reviewer to confirm an approval, the production action: it lists every risk tag of the diff and every
 * failing check, and a failing check needs a written acknowledgement, which the service requires as well.
 */
final class ApproveDialog extends Dialog {

    /**
     * @param approve records the approval with the acknowledgement (null when nothing fails); answers whether the
     *        dialog may close, and throws the service's refusal of the acknowledgement
     */
    ApproveDialog(ReviewDetails details, Predicate<String> approve) {
        setId("approve-dialog");
        setHeaderTitle("Approve " + details.review().submitted().name() + " for production?");
        add(new Paragraph("Production serves this revision as soon as you confirm."));

        List<FieldDiff> risky = details.diff().stream()
                .filter(field -> !field.risks().isEmpty())
                .toList();
        UnorderedList risks = new UnorderedList();
        risks.setId("approve-risks");
        risky.forEach(field ->
                field.risks().forEach(risk -> risks.add(new ListItem(risk.label() + " (" + field.field() + ")"))));
        add(new Div(new Span(risky.isEmpty() ? "No risk tags." : "Risk tags:"), risks));

        List<CheckResult> failing = details.checks().stream()
                .filter(check -> check.verdict() == CheckResult.Verdict.FAIL)
                .toList();
        UnorderedList failures = new UnorderedList();
        failures.setId("approve-failing-checks");
        failing.forEach(check -> failures.add(new ListItem(check.name() + ": " + check.reason())));
        add(new Div(
                new Span(failing.isEmpty() ? "Every automatic check passes or warns." : "Failing checks:"), failures));

        TextArea acknowledgement = new TextArea("Why you approve despite the failing checks");
        acknowledgement.setId("approve-acknowledgement");
        acknowledgement.setWidthFull();
        acknowledgement.setMaxLength(2000);
        acknowledgement.setHelperText("Required. It stays in the client's history and the review thread.");
        acknowledgement.setVisible(!failing.isEmpty());
        add(acknowledgement);

        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("approve-cancel");
        cancel.addClickShortcut(Key.ESCAPE);
        Button confirm = new Button("Approve", event -> {
            try {
                if (approve.test(failing.isEmpty() ? null : acknowledgement.getValue())) {
                    close();
                }
            } catch (InvalidInputException e) {
                acknowledgement.setVisible(true);
                acknowledgement.setErrorMessage(e.getMessage());
                acknowledgement.setInvalid(true);
            }
        });
        confirm.setId("approve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        getFooter().add(cancel, confirm);
    }
}
