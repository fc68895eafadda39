package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;

/** The expiry job's notices reach the client's contacts by e-mail, over SMTP, without the secret in them. */
class SecretExpiryEmailIT extends IntegrationTest {

    @Autowired
    CredentialService credentials;

    @Autowired
    ClientService clients;

    @Autowired
    SecretExpiryJob expiryJob;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String ops = "ops-" + suffix + "@ledger.example.com";
    private final String dev = "dev-" + suffix + "@ledger.example.com";
    private ClientDetails client;
    private ClientSecret first;

    @BeforeEach
    void aConfidentialClientWithTwoContacts() {
        TeamSummary team = signInWithANewTeam("expiry-owner-" + suffix + "@example.com", "Expiry", Role.DEVELOPER);
        ClientDetails registered = clients.register(
                team.id(), ClientType.CONFIDENTIAL, "Ledger " + suffix, "https://ledger.example.com/cb");
        first = credentials.takeRevealAfterRegistration(registered.id()).orElseThrow();
        client = clients.update(
                registered.id(),
                registered.version(),
                TestClients.minimal()
                        .withName(registered.name())
                        .withContacts(ops, dev)
                        .build());
    }

    @Test
    void each_contact_is_mailed_a_day_and_an_hour_before_a_secret_expires_and_when_it_expired_in_use() {
        credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.TWENTY_FOUR_HOURS);

        expiryJob.run();
        expiryJob.run();
        assertThat(mail.sentTo(ops)).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("A secret of " + client.name() + " expires soon");
            assertThat(message.getText())
                    .contains("expires in less than 24 hours", first.displayHint())
                    .contains(baseUrl() + "/clients/" + client.id());
        });
        assertThat(mail.sentTo(dev)).hasSize(1);

        clock.advance(Duration.ofHours(23).plusMinutes(10));
        expiryJob.run();
        assertThat(mail.sentTo(ops))
                .extracting(SimpleMailMessage::getText)
                .filteredOn(text -> text.contains("expires within the hour"))
                .hasSize(1);

        clock.advance(Duration.ofMinutes(40));
        assertThat(credentials.verify(client.sandboxClientId(), first.value())).isPresent();
        clock.advance(Duration.ofMinutes(15));
        expiryJob.run();

        assertThat(mail.sentTo(dev))
                .last()
                .satisfies(message -> assertThat(message.getSubject())
                        .isEqualTo("A secret of " + client.name() + " expired while still in use"));
        assertThat(mail.sentTo(ops))
                .hasSize(3)
                .allSatisfy(message -> assertThat(message.getText())
                        .doesNotContain(first.value())
                        .doesNotContain(first.value().substring("dpsbx_".length())));
    }
}
