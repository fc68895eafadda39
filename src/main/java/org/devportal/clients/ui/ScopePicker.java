package org.devportal.clients.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.devportal.clients.ClientField;
import org.devportal.clients.ScopeDefinition;

/** Picks scopes from the catalogue, grouped by API, each with the description users read at consent. */
final class ScopePicker extends CustomField<Set<String>> {

    private final Map<String, CheckboxGroup<ScopeDefinition>> groups = new LinkedHashMap<>();

    ScopePicker(List<ScopeDefinition> catalogue) {
        setLabel(ClientField.SCOPES.label());
        Div content = new Div();
        catalogue.stream()
                .collect(Collectors.groupingBy(ScopeDefinition::api, LinkedHashMap::new, Collectors.toList()))
                .forEach((api, scopes) -> {
                    CheckboxGroup<ScopeDefinition> group = new CheckboxGroup<>();
                    group.setItems(scopes);
                    group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                    group.setRenderer(new ComponentRenderer<>(scope -> {
                        Span name = new Span(scope.name().value());
                        name.addClassName("portal-reference");
                        Span description = new Span(" — " + scope.description());
                        description.addClassName("portal-muted");
                        return new Span(name, description);
                    }));
                    group.setId(
                            "scopes-" + api.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
                    group.addValueChangeListener(event -> updateValue());
                    groups.put(api, group);
                    H4 heading = new H4(api + " API");
                    heading.getStyle().set("margin", "var(--lumo-space-s) 0 0");
                    content.add(heading, group);
                });
        add(content);
    }

    @Override
    protected Set<String> generateModelValue() {
        return groups.values().stream()
                .flatMap(group -> group.getValue().stream())
                .map(scope -> scope.name().value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    protected void setPresentationValue(Set<String> selected) {
        Set<String> names = selected == null ? Set.of() : selected;
        groups.values()
                .forEach(group -> group.setValue(group.getListDataView()
                        .getItems()
                        .filter(scope -> names.contains(scope.name().value()))
                        .collect(Collectors.toSet())));
    }
}
