package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.devportal.audit.AuditLog;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LogoServiceIT extends IntegrationTest {

    @Autowired
    LogoService logos;

    @Autowired
    ClientService clients;

    @Autowired
    AuditLog audit;

    private ClientDetails client;

    @BeforeEach
    void registerAClient() {
        var team = signInWithANewTeam("logo-" + UUID.randomUUID() + "@example.com", "Logos", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
    }

    @Test
    void an_uploaded_logo_is_stored_and_served_content_addressed_with_long_caching() throws IOException {
        byte[] photo = LogoTestImages.jpeg(LogoTestImages.quadrants(900, 600, 450, 300));

        String hash = logos.upload(client.id(), photo, CropBox.of(300, 0, 600));

        assertThat(clients.get(client.id()).logoHash()).isEqualTo(hash);
        HttpResponse<String> head = new HttpTestClient(baseUrl()).get(LogoService.path(hash, 512));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(head.headers().firstValue("Cache-Control"))
                .get()
                .asString()
                .contains("max-age=31536000", "public", "immutable");
        assertThat(head.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(head.headers().firstValue("ETag")).hasValue("\"" + hash + "-512\"");
        var image =
                ImageIO.read(new ByteArrayInputStream(logos.rendition(hash, 512).orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
        assertThat(audit.historyOf(client.id()).getFirst().changes())
                .anySatisfy(change -> assertThat(change.field()).isEqualTo("Logo"));
    }

    @Test
    void logos_are_served_to_anyone_and_unknown_ones_are_404() {
        byte[] photo = LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200));
        String hash = logos.upload(client.id(), photo, CropBox.of(0, 0, 400));
        HttpTestClient anonymous = new HttpTestClient(baseUrl());

        assertThat(anonymous.get(LogoService.path(hash, 64)).statusCode()).isEqualTo(200);
        assertThat(anonymous.get(LogoService.path(hash, 100)).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/logos/" + "0".repeat(64) + "-512.png").statusCode())
                .isEqualTo(404);
        assertThat(anonymous.get("/logos/../etc/passwd").statusCode()).isIn(400, 404);
    }

    @Test
    void a_rejected_upload_leaves_the_previous_logo_untouched() {
        String hash = logos.upload(
                client.id(), LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200)), CropBox.of(0, 0, 400));

        assertThatThrownBy(() -> logos.upload(
                        client.id(),
                        LogoTestImages.png(LogoTestImages.quadrants(100, 100, 50, 50)),
                        CropBox.of(0, 0, 256)))
                .isInstanceOf(LogoRejectedException.class)
                .hasMessageContaining("100×100");
        assertThatThrownBy(() ->
                        logos.upload(client.id(), LogoTestImages.pngDeclaring(20000, 20000), CropBox.of(0, 0, 256)))
                .isInstanceOf(LogoRejectedException.class);

        assertThat(clients.get(client.id()).logoHash()).isEqualTo(hash);
    }

    @Test
    void only_the_clients_team_can_change_its_logo() {
        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);

        assertThatThrownBy(() -> logos.upload(
                        client.id(),
                        LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200)),
                        CropBox.of(0, 0, 400)))
                .isInstanceOf(ClientNotFoundException.class);
    }
}
