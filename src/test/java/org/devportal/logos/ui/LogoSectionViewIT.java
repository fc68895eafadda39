package org.devportal.logos.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.logos.CropBox;
import org.devportal.logos.LogoService;
import org.devportal.logos.LogoTestImages;
import org.devportal.security.Role;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LogoSectionViewIT extends ViewTest {

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    AuditLog audit;

    private ClientDetails client;

    @BeforeEach
    void registerAClient() {
        var team = signInWithANewTeam("logo-view-" + UUID.randomUUID() + "@example.com", "Logos", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
    }

    @Test
    void without_a_logo_there_is_nothing_to_remove_and_the_button_uploads() {
        ui().navigate("clients/" + client.id() + "/logo");

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-logo")).getText())
                .isEqualTo("No logo yet.");
        assertThat(_get(Button.class, spec -> spec.withId("logo-upload-button")).getText())
                .isEqualTo("Upload logo…");
        assertThat(_find(Button.class, spec -> spec.withId("remove-logo"))).isEmpty();
    }

    @Test
    void a_saved_logo_can_be_replaced_or_removed_after_a_confirmation_and_the_history_records_the_removal() {
        logos.upload(
                client.id(), LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200)), CropBox.of(0, 0, 400));
        ui().navigate("clients/" + client.id() + "/logo");
        assertThat(_get(Image.class, spec -> spec.withId("current-logo")).getSrc())
                .startsWith("/logos/");
        assertThat(_get(Button.class, spec -> spec.withId("logo-upload-button")).getText())
                .isEqualTo("Replace logo…");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("remove-logo")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-remove-logo"));
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Remove the logo?");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(clients.get(client.id()).logoHash()).as("cancelled").isNotNull();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("remove-logo")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-remove-logo")));

        assertThat(clients.get(client.id()).logoHash()).isNull();
        assertThat(_find(Image.class, spec -> spec.withId("current-logo"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-logo")).getText())
                .isEqualTo("No logo yet.");
        assertThat(audit.historyOf(client.id()).getFirst().changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("Logo");
            assertThat(change.oldValue()).isNotNull();
            assertThat(change.newValue()).isNull();
        });
    }
}
