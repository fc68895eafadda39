package org.devportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.devportal.base.Mailer;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches secrets in their grace period: warns the team and the client's contacts 24 hours and 1 hour before one
 * expires, and, when it has expired, records the expiry and tells them if the secret was still in use in its last
 * hour. Runs every
 * minute, once per minute across all nodes: each node tries on its own schedule, and ShedLock's lock in the database is
 * held for most of the interval ({@code portal.credentials.expiry-check-lock}), so the others skip it.
 */
@Component
class SecretExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(SecretExpiryJob.class);

    private final StoredSecretRepository secrets;
    private final ClientDirectory directory;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final PortalProperties portal;
    private final Clock clock;

    SecretExpiryJob(
            StoredSecretRepository secrets,
            ClientDirectory directory,
            ApplicationEventPublisher events,
            Mailer mailer,
            PortalProperties portal,
            Clock clock) {
        this.secrets = secrets;
        this.directory = directory;
        this.events = events;
        this.mailer = mailer;
        this.portal = portal;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${portal.credentials.expiry-check-interval:PT1M}",
            initialDelayString = "${portal.credentials.expiry-check-delay:PT30S}")
    @SchedulerLock(
            name = "secret-expiry",
            lockAtMostFor = "PT5M",
            lockAtLeastFor = "${portal.credentials.expiry-check-lock:PT50S}")
    @Transactional
    public void run() {
        Instant now = clock.instant();
        log.debug("Secret expiry check ran");
        for (StoredSecret secret : secrets.findExpiringBefore(now.plus(Duration.ofHours(24)))) {
            directory
                    .byId(secret.clientId())
                    .ifPresentOrElse(client -> handle(secret, client, now), secret::markExpiryHandled);
        }
    }

    private void handle(StoredSecret secret, ClientDetails client, Instant now) {
        Instant expiresAt = secret.expiresAt();
        if (!expiresAt.isAfter(now)) {
            Instant lastUsed = secret.lastUsedAt();
            if (lastUsed != null && !lastUsed.isBefore(expiresAt.minus(Duration.ofHours(1)))) {
                tell(expiring(secret, client, SecretExpiring.Stage.EXPIRED_IN_USE, lastUsed), client);
            }
            events.publishEvent(new CredentialChanged(
                    client.id(),
                    client.teamId(),
                    secret.environment(),
                    CredentialChanged.Action.EXPIRED,
                    secret.displayHint(),
                    null,
                    "Its grace period ended",
                    "system",
                    "Portal",
                    now,
                    null,
                    null));
            secret.markExpiryHandled();
        } else if (expiresAt.isBefore(now.plus(Duration.ofHours(1)).plusSeconds(1))) {
            if (!secret.warnedHourBefore()) {
                tell(expiring(secret, client, SecretExpiring.Stage.HOUR_BEFORE, null), client);
                secret.markWarnedHourBefore();
                secret.markWarnedDayBefore();
            }
        } else if (!secret.warnedDayBefore()) {
            tell(expiring(secret, client, SecretExpiring.Stage.DAY_BEFORE, null), client);
            secret.markWarnedDayBefore();
        }
    }

    /**
     * Tells the team in the portal and each of the client's contacts by e-mail. The contacts are the addresses
     * the team entered for the client: the portal does not verify them, so the e-mail names the client and the
     * secret's hint only, and the per-recipient cap keeps anyone from using it to flood an address.
     */
    private void tell(SecretExpiring expiring, ClientDetails client) {
        events.publishEvent(expiring);
        String link = portal.url("/clients/" + client.id());
        String body = expiring.message() + "\n\nOpen the client to rotate or check its secrets: " + link
                + "\n\nYou get this e-mail because this address is a contact of " + client.name()
                + " in the developer portal.";
        for (String contact : client.contacts()) {
            mailer.send(contact, expiring.subject(), body, link);
        }
    }

    private static SecretExpiring expiring(
            StoredSecret secret, ClientDetails client, SecretExpiring.Stage stage, Instant lastUsedAt) {
        return new SecretExpiring(
                client.id(),
                client.teamId(),
                client.name(),
                secret.environment(),
                secret.displayHint(),
                secret.expiresAt(),
                stage,
                lastUsedAt);
    }
}
