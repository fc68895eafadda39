package org.devportal.flowtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.devportal.base.InvalidInputException;

/**
 * The {@code scope} of a test's authorization request: space-separated, at least one, and only scopes registered
 * for the client. Anything else the issuer would refuse, so the portal refuses it first and says why.
 */
record ScopeRequest(List<String> scopes) {

    ScopeRequest {
        scopes = List.copyOf(scopes);
    }

    static ScopeRequest parse(String text, Set<String> registered) {
        List<String> scopes = new ArrayList<>();
        for (String scope : Arrays.asList((text == null ? "" : text).strip().split("\\s+"))) {
            if (scope.isEmpty() || scopes.contains(scope)) {
                continue;
            }
            if (!registered.contains(scope)) {
                throw new InvalidInputException(
                        "scopes",
                        "\"" + scope + "\" is not registered for this client. "
                                + "Request only "
                                + String.join(" ", registered.stream().sorted().toList())
                                + ", or add the scope on the Details tab first.");
            }
            scopes.add(scope);
        }
        if (scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "Request at least one of the client's scopes");
        }
        return new ScopeRequest(scopes);
    }

    String value() {
        return String.join(" ", scopes);
    }
}
