package org.devportal.review;

import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.logos.CropBox;
import org.devportal.logos.LogoService;
import org.devportal.logos.LogoTestImages;
import org.devportal.test.TestClients;

/** A client complete enough to pass the checklist and the production rules, registered by a signed-in member. */
final class ReviewFixture {

    private ReviewFixture() {}

    static ClientDetails completeClient(
            ClientService clients, LogoService logos, UUID teamId, String name, ClientType type, String redirectUri) {
        ClientDetails client = clients.register(teamId, type, name, redirectUri);
        logos.upload(
                client.id(), LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200)), CropBox.of(0, 0, 400));
        client = clients.get(client.id());
        return clients.update(
                client.id(),
                client.version(),
                TestClients.complete()
                        .withName(name)
                        .withRedirectUri(redirectUri)
                        .withType(type)
                        .build());
    }
}
