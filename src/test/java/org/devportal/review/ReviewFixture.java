package org.devportal.review;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.logos.CropBox;
import org.devportal.logos.LogoService;
import org.devportal.logos.LogoTestImages;

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
                new ClientUpdate(
                        name,
                        "https://ledger.example.com",
                        "https://ledger.example.com/terms",
                        "https://ledger.example.com/privacy",
                        List.of("dev@ledger.example.com"),
                        "https://ledger.example.com/connect",
                        "https://ledger.example.com/settings",
                        List.of(redirectUri),
                        Set.of("vendors:read"),
                        type,
                        SubjectTypePreference.NONE));
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
