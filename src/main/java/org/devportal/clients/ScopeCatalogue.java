package org.devportal.clients;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scopes clients can ask for, grouped by API. */
@Service
public class ScopeCatalogue {

    private final CatalogueScopeRepository scopes;

    ScopeCatalogue(CatalogueScopeRepository scopes) {
        this.scopes = scopes;
    }

    /** Every available scope, in catalogue order. */
    @Transactional(readOnly = true)
    public List<ScopeDefinition> available() {
        return scopes.findByAvailableTrueOrderBySortOrder().stream()
                .map(CatalogueScope::definition)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ScopeDefinition> find(String name) {
        return available().stream()
                .filter(scope -> scope.name().value().equals(name))
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Map<String, ScopeDefinition> byName() {
        return available().stream().collect(Collectors.toMap(s -> s.name().value(), Function.identity()));
    }
}
