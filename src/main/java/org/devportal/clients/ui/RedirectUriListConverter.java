package org.devportal.clients.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devportal.base.Environment;
import org.devportal.clients.ClientRules;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.RedirectUriEvaluation;

/**
 * Binds the form's list of typed redirect URIs to {@link RedirectUri} values through the sandbox policy, so the
 * form has no redirect-URI rule of its own: one evaluation of the list gives the values or the first error, by
 * position, exactly as the service would word it.
 *
 * <p>The binder converts when the value changes, and again twice on a save (to validate, then to write). The last
 * evaluation is kept for the same text, so the form evaluates each list the user types once, and a save adds no
 * evaluation of its own: the service's is the only one.
 */
final class RedirectUriListConverter implements Converter<List<String>, List<RedirectUri>> {

    private final ClientRules rules;
    private List<String> lastTyped;
    private RedirectUriEvaluation lastEvaluation;

    RedirectUriListConverter(ClientRules rules) {
        this.rules = rules;
    }

    @Override
    public Result<List<RedirectUri>> convertToModel(List<String> typed, ValueContext context) {
        RedirectUriEvaluation evaluation = evaluate(typed);
        return evaluation
                .firstError()
                .map(error -> Result.<List<RedirectUri>>error(error.message()))
                .orElseGet(() -> Result.ok(evaluation.uris()));
    }

    private RedirectUriEvaluation evaluate(List<String> typed) {
        List<String> copy = typed == null ? null : new ArrayList<>(typed);
        if (lastEvaluation == null || !Objects.equals(copy, lastTyped)) {
            lastEvaluation = rules.evaluateRedirectUris(copy, Environment.SANDBOX);
            lastTyped = copy;
        }
        return lastEvaluation;
    }

    @Override
    public List<String> convertToPresentation(List<RedirectUri> uris, ValueContext context) {
        return uris == null ? List.of() : uris.stream().map(RedirectUri::value).toList();
    }
}
