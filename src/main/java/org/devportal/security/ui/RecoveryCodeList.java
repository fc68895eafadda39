package org.devportal.security.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** Recovery codes, shown once, in a monospaced list that is easy to copy. */
final class RecoveryCodeList extends UnorderedList {

    RecoveryCodeList(List<String> codes) {
        setId("recovery-codes");
        getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        codes.forEach(code -> add(new ListItem(code)));
    }
}
