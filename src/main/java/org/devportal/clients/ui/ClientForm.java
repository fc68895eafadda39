package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientName;
import org.devportal.clients.ClientRules;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.ContactEmails;
import org.devportal.clients.PkceExceptionRequest;
import org.devportal.clients.ScopeDefinition;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.RedirectUriPolicy;
import org.devportal.clients.redirecturi.RedirectUriVerdict;
import org.devportal.clients.redirecturi.RedirectUriViolation;
import org.devportal.clients.redirecturi.WebUri;

/**
 * The client's editable fields, shown in three sections of the client page: the details, the redirect URIs and the
 * scopes. They are one form with one save, so what is typed in one section waits while the user looks at another.
 * Each field is checked as the user types by the same rules the service runs. The form keeps what the user typed
 * until it is saved or discarded. The redirect URIs' and the scopes' fields are built the first time their section
 * opens: until then they hold the saved values, and most visits to a client's page never open them.
 */
final class ClientForm {

    /** The client page's sections that hold the form's fields, in the page's order. */
    static final String DETAILS = "details";

    static final String REDIRECT_URIS = "redirect-uris";
    static final String SCOPES = "scopes";

    /** The reason's field, which {@link InvalidInputException#field()} names when the service refuses it. */
    static final String PKCE_EXCEPTION_REASON = "pkceExceptionReason";

    /** The fields as the page shows them: the details, then the redirect URIs, then the scopes. */
    private static final List<String> PAGE_ORDER = List.of(
            ClientField.NAME.id(),
            ClientField.CLIENT_URI.id(),
            ClientField.TOS_URI.id(),
            ClientField.POLICY_URI.id(),
            ClientField.CONTACTS.id(),
            ClientField.INITIATION_URI.id(),
            ClientField.SETTINGS_URI.id(),
            ClientField.CLIENT_TYPE.id(),
            ClientField.PKCE.id(),
            PKCE_EXCEPTION_REASON,
            ClientField.SUBJECT_TYPE.id(),
            ClientField.REDIRECT_URIS.id(),
            ClientField.SCOPES.id());

    private final Binder<Model> binder = new Binder<>();
    private final Map<String, Component> fieldsByName = new LinkedHashMap<>();
    private final TextField name = text(
            ClientField.NAME,
            "Shown to users when they connect your integration, and in the app catalogue. Do not use the platform's name.");
    private final TextField clientUri =
            text(ClientField.CLIENT_URI, "Your application's home page; users reach it from the consent screen.");
    private final TextField tosUri =
            text(ClientField.TOS_URI, "Linked from the consent screen. Required before review.");
    private final TextField policyUri =
            text(ClientField.POLICY_URI, "Linked from the consent screen. Required before review.");
    private final StringListField contacts;
    private final TextField initiationUri = text(
            ClientField.INITIATION_URI,
            "The page where users start connecting your integration; the app catalogue links to it. Required before review.");
    private final TextField settingsUri = text(
            ClientField.SETTINGS_URI,
            "The page where users manage the integration's settings: accounting periods, mappings, sync. Required before review.");
    private final ClientRules rules;
    private final Supplier<List<ScopeDefinition>> catalogue;
    private StringListField redirectUris;
    private ScopePicker scopes;
    private final RadioButtonGroup<ClientType> clientType = new RadioButtonGroup<>(ClientField.CLIENT_TYPE.label());
    private final Checkbox pkce = new Checkbox("Ask for a PKCE exception in production");
    private final TextArea pkceReason = new TextArea("Why the client cannot use PKCE");
    private final Select<SubjectTypePreference> subjectType = new Select<>();
    private final Map<String, Component> parts = new LinkedHashMap<>();
    private Model model = new Model();
    private boolean readOnly;

    /** @param catalogue the scopes on offer, read when the scopes' section first opens */
    ClientForm(ClientRules rules, Supplier<List<ScopeDefinition>> catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
        contacts = new StringListField(
                ClientField.CONTACTS.label(),
                "Contact e-mail",
                "Add an address",
                ContactEmails.MAX,
                value -> new StringListField.RowCheck(
                        problem(() -> ContactEmails.parse(List.of(value))), Optional.empty()));
        contacts.setId(ClientField.CONTACTS.id());
        contacts.setHelperText(
                "The people we contact about this client: security notices, review questions. Not shown to users.");
        clientType.setId(ClientField.CLIENT_TYPE.id());
        clientType.setItems(ClientType.values());
        clientType.setItemLabelGenerator(
                type -> type.label() + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")");
        clientType.setHelperText(
                "Confidential clients get a secret. Public clients cannot keep one and rely on PKCE alone.");
        pkce.setId(ClientField.PKCE.id());
        pkce.setHelperText("Every client uses PKCE with S256, and the sandbox always requires it. A confidential "
                + "client may ask to skip it in production; a reviewer grants or refuses the exception.");
        pkceReason.setId(PKCE_EXCEPTION_REASON);
        pkceReason.setWidthFull();
        pkceReason.setMaxLength(PkceExceptionRequest.MAX_LENGTH);
        pkceReason.setHelperText("The reviewer reads this. Say what stops the client from sending a code challenge.");
        pkceReason.setVisible(false);
        pkce.addValueChangeListener(event -> pkceReason.setVisible(event.getValue()));
        clientType.addValueChangeListener(event -> {
            boolean confidential = event.getValue() == ClientType.CONFIDENTIAL;
            pkce.setEnabled(confidential);
            if (!confidential) {
                pkce.setValue(false);
            }
        });
        fieldsByName.put(ClientField.PKCE.id(), pkce);
        fieldsByName.put(PKCE_EXCEPTION_REASON, pkceReason);
        subjectType.setId(ClientField.SUBJECT_TYPE.id());
        subjectType.setLabel(ClientField.SUBJECT_TYPE.label());
        subjectType.setItems(SubjectTypePreference.values());
        subjectType.setItemLabelGenerator(SubjectTypePreference::label);
        subjectType.setHelperText("The default resource context your integration works in. Optional.");
        fieldsByName.put(ClientField.CONTACTS.id(), contacts);
        fieldsByName.put(ClientField.CLIENT_TYPE.id(), clientType);
        fieldsByName.put(ClientField.SUBJECT_TYPE.id(), subjectType);

        binder.forField(name).withValidator(rule(value -> rules.name(value))).bind(m -> m.name, (m, v) -> m.name = v);
        bindWebUri(clientUri, rules, m -> m.clientUri, (m, v) -> m.clientUri = v);
        bindWebUri(tosUri, rules, m -> m.tosUri, (m, v) -> m.tosUri = v);
        bindWebUri(policyUri, rules, m -> m.policyUri, (m, v) -> m.policyUri = v);
        bindWebUri(initiationUri, rules, m -> m.initiationUri, (m, v) -> m.initiationUri = v);
        bindWebUri(settingsUri, rules, m -> m.settingsUri, (m, v) -> m.settingsUri = v);
        binder.forField(contacts)
                .withValidator(listRule(contacts, value -> rules.contacts(value)))
                .bind(m -> m.contacts, (m, v) -> m.contacts = v);
        binder.forField(clientType)
                .asRequired("Choose the client type")
                .bind(m -> m.clientType, (m, v) -> m.clientType = v);
        binder.forField(subjectType).bind(m -> m.subjectType, (m, v) -> m.subjectType = v);
        binder.forField(pkce)
                .withValidator(
                        value -> !value || clientType.getValue() != ClientType.PUBLIC,
                        "Public clients cannot have a PKCE exception")
                .bind(m -> m.pkceException, (m, v) -> m.pkceException = v);
        binder.forField(pkceReason)
                .withValidator((value, context) -> {
                    if (!pkce.getValue()) {
                        return ValidationResult.ok();
                    }
                    try {
                        new PkceExceptionRequest(value);
                        return ValidationResult.ok();
                    } catch (IllegalArgumentException e) {
                        return ValidationResult.error(e.getMessage());
                    }
                })
                .bind(m -> m.pkceExceptionReason, (m, v) -> m.pkceExceptionReason = v);

        parts.put(
                DETAILS,
                new Div(
                        section(
                                "Human-readable information",
                                "What users see when they connect your integration.",
                                name,
                                clientUri,
                                tosUri,
                                policyUri,
                                contacts),
                        section(
                                "Platform integration",
                                "How the platform and its users reach your application.",
                                initiationUri,
                                settingsUri),
                        section(
                                "Technical",
                                "What the OAuth 2.0 protocol needs besides the redirect URIs and scopes.",
                                clientType,
                                pkce,
                                pkceReason,
                                subjectType)));
    }

    /** The fields of one of the page's form sections, built the first time they are asked for. */
    Component part(String section) {
        if (REDIRECT_URIS.equals(section) && redirectUris == null) {
            buildRedirectUris();
        } else if (SCOPES.equals(section) && scopes == null) {
            buildScopes();
        }
        return parts.get(section);
    }

    private void buildRedirectUris() {
        redirectUris = new StringListField(
                ClientField.REDIRECT_URIS.label(),
                "Redirect URI",
                "Add a redirect URI",
                RedirectUriPolicy.MAX_URIS,
                value -> redirectUriRow(rules.redirectUriVerdict(value, Environment.SANDBOX)));
        redirectUris.setId(ClientField.REDIRECT_URIS.id());
        redirectUris.setHelperText("Where users land after consent, with the code. Matched exactly: no wildcards. "
                + "http is allowed for localhost, 127.0.0.1 and [::1] in the sandbox only.");
        // The saved values go in before the binding, which then counts them as read rather than typed.
        redirectUris.setValue(
                model.redirectUris.stream().map(RedirectUri::value).toList());
        fieldsByName.put(ClientField.REDIRECT_URIS.id(), redirectUris);
        binder.forField(redirectUris)
                .withValidator(value -> !redirectUris.hasRowErrors(), "Fix the highlighted entries")
                .withConverter(new RedirectUriListConverter(rules))
                .bind(m -> m.redirectUris, (m, v) -> m.redirectUris = v)
                .setReadOnly(readOnly);
        parts.put(
                REDIRECT_URIS,
                section(
                        "Redirect URIs",
                        "Where the authorization server may send users back to your application.",
                        redirectUris));
    }

    private void buildScopes() {
        scopes = new ScopePicker(catalogue.get());
        scopes.setId(ClientField.SCOPES.id());
        scopes.setHelperText("Ask only for what the integration needs; users see each scope's description at consent.");
        scopes.setValue(new TreeSet<>(model.scopes));
        fieldsByName.put(ClientField.SCOPES.id(), scopes);
        binder.forField(scopes)
                .withValidator(
                        value -> value != null && !value.isEmpty(),
                        "Choose at least one scope: the APIs your integration calls")
                .bind(m -> m.scopes, (m, v) -> m.scopes = v)
                .setReadOnly(readOnly);
        parts.put(SCOPES, section("Scopes", "The APIs your integration calls on the users' behalf.", scopes));
    }

    /** Which of the page's sections holds a field the service names. */
    String sectionOf(String field) {
        if (ClientField.REDIRECT_URIS.id().equals(field)) {
            return REDIRECT_URIS;
        }
        return ClientField.SCOPES.id().equals(field) ? SCOPES : DETAILS;
    }

    /** The field that shows a problem and comes first in the page's order, by its name. */
    Optional<String> firstInvalidField() {
        return PAGE_ORDER.stream()
                .filter(field -> fieldsByName.get(field) instanceof HasValidation validation && validation.isInvalid())
                .findFirst();
    }

    /** Brings a field into view and puts the cursor in it, in the row that shows the problem for a list. */
    void focus(String field) {
        Component component = fieldsByName.get(field);
        if (component instanceof StringListField list) {
            list.focusFirstProblem();
        } else if (component instanceof Focusable<?> focusable) {
            component.scrollIntoView();
            focusable.focus();
        }
    }

    /** Shows the client's saved values, forgetting anything typed. */
    void read(ClientDetails client) {
        ClientUpdate values = ClientUpdate.of(client);
        model = new Model();
        model.name = values.name();
        model.clientUri = values.clientUri();
        model.tosUri = values.tosUri();
        model.policyUri = values.policyUri();
        model.contacts = new ArrayList<>(values.contacts());
        model.initiationUri = values.initiationUri();
        model.settingsUri = values.settingsUri();
        model.redirectUris = new ArrayList<>(client.redirectUris());
        model.scopes = new TreeSet<>(values.scopes());
        model.clientType = values.clientType();
        model.subjectType = values.subjectType();
        model.pkceException = values.pkceException();
        model.pkceExceptionReason = values.pkceExceptionReason();
        binder.readBean(model);
        pkce.setEnabled(values.clientType() == ClientType.CONFIDENTIAL);
        pkceReason.setVisible(values.pkceException());
    }

    /** The typed values when every field is valid; otherwise the invalid fields show why. */
    Optional<ClientUpdate> write() {
        // A section not built yet holds the saved values; the service checks them again like every other value.
        Model candidate = model.copy();
        if (!binder.writeBeanIfValid(candidate)
                || contacts.hasRowErrors()
                || (redirectUris != null && redirectUris.hasRowErrors())) {
            binder.validate();
            return Optional.empty();
        }
        return Optional.of(new ClientUpdate(
                candidate.name,
                candidate.clientUri,
                candidate.tosUri,
                candidate.policyUri,
                candidate.contacts,
                candidate.initiationUri,
                candidate.settingsUri,
                candidate.redirectUris.stream().map(RedirectUri::value).toList(),
                candidate.scopes,
                candidate.clientType,
                candidate.subjectType,
                candidate.pkceException,
                candidate.pkceException ? candidate.pkceExceptionReason : null));
    }

    /**
     * The values as typed, checked or not, for what follows the form as the user types. Saving uses {@link #write()},
     * which checks them.
     */
    ClientUpdate draft() {
        return new ClientUpdate(
                name.getValue(),
                clientUri.getValue(),
                tosUri.getValue(),
                policyUri.getValue(),
                contacts.getValue(),
                initiationUri.getValue(),
                settingsUri.getValue(),
                redirectUris != null
                        ? redirectUris.getValue()
                        : model.redirectUris.stream().map(RedirectUri::value).toList(),
                scopes != null ? scopes.getValue() : model.scopes,
                clientType.getValue(),
                subjectType.getValue(),
                pkce.getValue(),
                pkce.getValue() ? pkceReason.getValue() : null);
    }

    /** Calls the listener whenever a field's value changes, whether the user or {@link #read} changed it. */
    void addDraftListener(Runnable listener) {
        binder.addValueChangeListener(event -> listener.run());
    }

    boolean hasChanges() {
        return binder.hasChanges();
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        binder.setReadOnly(readOnly);
    }

    /** Shows a rule the service refused on the field it names, building its section first if need be. */
    void showError(InvalidInputException error) {
        part(sectionOf(error.field()));
        Component field = fieldsByName.get(error.field());
        if (field instanceof HasValidation validation) {
            validation.setErrorMessage(error.getMessage());
            validation.setInvalid(true);
        }
    }

    boolean knowsField(String field) {
        return fieldsByName.containsKey(field)
                || ClientField.REDIRECT_URIS.id().equals(field)
                || ClientField.SCOPES.id().equals(field);
    }

    private TextField text(ClientField clientField, String help) {
        TextField field = new TextField(clientField.label());
        field.setId(clientField.id());
        field.setHelperText(help);
        field.setWidthFull();
        field.setMaxLength(clientField == ClientField.NAME ? ClientName.MAX_LENGTH : WebUri.MAX_LENGTH);
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        fieldsByName.put(clientField.id(), field);
        return field;
    }

    private void bindWebUri(
            TextField field,
            ClientRules rules,
            com.vaadin.flow.function.ValueProvider<Model, String> getter,
            com.vaadin.flow.data.binder.Setter<Model, String> setter) {
        binder.forField(field)
                .withValidator(
                        rule(value -> rules.optionalWebUri(field.getId().orElseThrow(), value, Environment.SANDBOX)))
                .bind(getter, setter);
    }

    private static Component section(String title, String description, Component... fields) {
        Paragraph intro = new Paragraph(description);
        intro.addClassName("portal-muted");
        FormLayout layout = new FormLayout(fields);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return new Div(new H2(title), intro, layout);
    }

    private static Validator<String> rule(Consumer<String> rule) {
        return (value, context) -> {
            try {
                rule.accept(value);
                return ValidationResult.ok();
            } catch (InvalidInputException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    private static Validator<List<String>> listRule(StringListField field, Consumer<List<String>> rule) {
        return (value, context) -> {
            if (field.hasRowErrors()) {
                return ValidationResult.error("Fix the highlighted entries");
            }
            try {
                rule.accept(value);
                return ValidationResult.ok();
            } catch (InvalidInputException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    /** A redirect URI row: the error that refuses it, or else the first reason production would. */
    private static StringListField.RowCheck redirectUriRow(RedirectUriVerdict verdict) {
        return new StringListField.RowCheck(
                verdict.error().map(RedirectUriViolation::message),
                verdict.productionWarnings().stream().findFirst().map(RedirectUriViolation::message));
    }

    private static Optional<String> problem(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The form's working copy of the values. */
    static final class Model {
        String name;
        String clientUri;
        String tosUri;
        String policyUri;
        List<String> contacts = new ArrayList<>();
        String initiationUri;
        String settingsUri;
        List<RedirectUri> redirectUris = new ArrayList<>();
        Set<String> scopes = new TreeSet<>();
        ClientType clientType;
        SubjectTypePreference subjectType = SubjectTypePreference.NONE;
        boolean pkceException;
        String pkceExceptionReason = "";

        Model copy() {
            Model copy = new Model();
            copy.name = name;
            copy.clientUri = clientUri;
            copy.tosUri = tosUri;
            copy.policyUri = policyUri;
            copy.contacts = new ArrayList<>(contacts);
            copy.initiationUri = initiationUri;
            copy.settingsUri = settingsUri;
            copy.redirectUris = new ArrayList<>(redirectUris);
            copy.scopes = new TreeSet<>(scopes);
            copy.clientType = clientType;
            copy.subjectType = subjectType;
            copy.pkceException = pkceException;
            copy.pkceExceptionReason = pkceExceptionReason;
            return copy;
        }
    }
}
