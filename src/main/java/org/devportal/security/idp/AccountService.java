package org.devportal.security.idp;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.EmailAddress;
import org.devportal.base.InvalidInputException;
import org.devportal.base.LinkToken;
import org.devportal.base.PortalProperties;
import org.devportal.base.RateLimits;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the built-in identity provider's account store. Answers never reveal whether an account
 * exists for an e-mail address: sign-up and password reset respond the same either way.
 */
@Service
public class AccountService {

    static final String VERIFY_PATH = "/idp/verify";
    static final String RESET_PATH = "/idp/reset-password";
    static final String LOGIN_PATH = "/idp/login";
    static final String FORGOT_PATH = "/idp/forgot-password";

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final AccountMailer mailer;
    private final IdpProperties properties;
    private final PortalProperties portal;
    private final CurrentUser currentUser;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            AccountRepository accounts,
            AccountTokenRepository tokens,
            PasswordEncoder passwordEncoder,
            AccountMailer mailer,
            IdpProperties properties,
            PortalProperties portal,
            CurrentUser currentUser,
            RateLimits rateLimits,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.properties = properties;
        this.portal = portal;
        this.currentUser = currentUser;
        this.rateLimits = rateLimits;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a developer account and e-mails a verification link. When the address already has an account,
     * its owner gets an e-mail saying so instead, and the caller sees the same outcome.
     */
    @Transactional
    public void signUp(String email, String displayName, String password) {
        EmailAddress address = parseEmail(email);
        String name = validName(displayName);
        String problem = PasswordPolicy.problem(password, address.value());
        if (problem != null) {
            throw new InvalidInputException("password", problem);
        }
        rateLimits.take("sign-up", address.value(), properties.signUp());
        Optional<Account> existing = accounts.findByEmail(address.value());
        if (existing.isPresent()) {
            mailer.sendAlreadyRegistered(address.value(), portal.url(LOGIN_PATH), portal.url(FORGOT_PATH));
            return;
        }
        Account account = accounts.save(
                new Account(address, name, passwordEncoder.encode(password), Set.of(Role.DEVELOPER), clock.instant()));
        sendVerification(account);
    }

    /** Marks the account's e-mail address as verified, if the link is valid. */
    @Transactional
    public LinkCheck verifyEmail(String token) {
        Instant now = clock.instant();
        return consume(token, AccountToken.Purpose.VERIFY_EMAIL, now, account -> account.verifyEmail(now));
    }

    /**
     * Sends a new verification link to an account whose correct password was just entered at the sign-in form
     * (the sign-in page passes the account the form's failure left in the session). Nothing happens for an
     * account that is verified by now.
     */
    @Transactional
    public void resendVerification(UUID accountId) {
        rateLimits.take("resend-verification", accountId.toString(), properties.resendVerification());
        accounts.findById(accountId).filter(account -> !account.emailVerified()).ifPresent(this::sendVerification);
    }

    /**
     * Sends a new verification link for the account a used or expired verification link belongs to, so a user whose
     * link no longer works can ask for another one right where they are.
     */
    @Transactional
    public ResendResult resendVerificationFor(String token) {
        Found found = find(token, AccountToken.Purpose.VERIFY_EMAIL, clock.instant());
        if (found.token() == null) {
            return ResendResult.UNKNOWN_LINK;
        }
        Optional<Account> account = accounts.findById(found.token().accountId());
        if (account.isEmpty()) {
            return ResendResult.UNKNOWN_LINK;
        }
        if (account.get().emailVerified()) {
            return ResendResult.ALREADY_VERIFIED;
        }
        rateLimits.take("resend-verification", account.get().getId().toString(), properties.resendVerification());
        sendVerification(account.get());
        return ResendResult.SENT;
    }

    /** E-mails a reset link when an account exists for the address; otherwise does nothing, silently. */
    @Transactional
    public void requestPasswordReset(String email) {
        EmailAddress address = parseEmail(email);
        rateLimits.take("password-reset", address.value(), properties.passwordReset());
        accounts.findByEmail(address.value()).ifPresent(account -> {
            LinkToken token = issue(account, AccountToken.Purpose.RESET_PASSWORD, properties.resetLinkValidity());
            mailer.sendPasswordReset(
                    account.email(), account.displayName(), portal.url(RESET_PATH) + "?token=" + token.value());
        });
    }

    /** Whether a reset link can still be used, so the page can say so before the user types a password. */
    @Transactional(readOnly = true)
    public LinkCheck checkResetLink(String token) {
        return find(token, AccountToken.Purpose.RESET_PASSWORD, clock.instant()).check();
    }

    /** Sets a new password through a reset link. Resetting through the e-mailed link also proves the address. */
    @Transactional
    public LinkCheck resetPassword(String token, String newPassword) {
        Instant now = clock.instant();
        Found found = find(token, AccountToken.Purpose.RESET_PASSWORD, now);
        if (found.check() != LinkCheck.VALID) {
            return found.check();
        }
        Account account = accounts.findById(found.token().accountId()).orElseThrow();
        String problem = PasswordPolicy.problem(newPassword, account.email());
        if (problem != null) {
            throw new InvalidInputException("password", problem);
        }
        found.token().use(now);
        account.changePassword(passwordEncoder.encode(newPassword));
        account.verifyEmail(now);
        return LinkCheck.VALID;
    }

    /** Whether e-mailed links go to the server log instead (the demo profile), so pages can say where to look. */
    public boolean linksGoToTheLog() {
        return mailer.linksGoToTheLog();
    }

    /** Every account, for administrators. */
    @Transactional(readOnly = true)
    public List<AccountSummary> listAccounts() {
        currentUser.requireRole(Role.ADMIN);
        return accounts.findAll().stream()
                .map(AccountSummary::of)
                .sorted(Comparator.comparing(AccountSummary::email))
                .toList();
    }

    /**
     * Grants or revokes the reviewer role. Every open session of the account has the new roles at its next request.
     * A real change is published as {@link ReviewerRoleChanged}; setting the role an account already has is not.
     */
    @Transactional
    public AccountSummary setReviewer(UUID accountId, boolean reviewer) {
        PortalUser admin = currentUser.requireRole(Role.ADMIN);
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new InvalidInputException("account", "This account no longer exists"));
        if (account.roles().contains(Role.REVIEWER) != reviewer) {
            events.publishEvent(new ReviewerRoleChanged(
                    account.getId(), account.email(), reviewer, admin.subject(), admin.displayName(), clock.instant()));
        }
        if (reviewer) {
            account.grant(Role.REVIEWER);
        } else {
            account.revoke(Role.REVIEWER);
        }
        return AccountSummary.of(account);
    }

    /** Creates or updates a demo account with a verified address; used by the demo profile only. */
    @Transactional
    void ensureDemoAccount(String email, String displayName, String password, Set<Role> roles) {
        EmailAddress address = parseEmail(email);
        Account account = accounts.findByEmail(address.value())
                .orElseGet(() -> accounts.save(
                        new Account(address, displayName, passwordEncoder.encode(password), roles, clock.instant())));
        if (!passwordEncoder.matches(password, account.passwordHash())) {
            account.changePassword(passwordEncoder.encode(password));
        }
        roles.forEach(account::grant);
        account.verifyEmail(clock.instant());
    }

    private void sendVerification(Account account) {
        LinkToken token = issue(account, AccountToken.Purpose.VERIFY_EMAIL, properties.verificationLinkValidity());
        mailer.sendVerification(
                account.email(), account.displayName(), portal.url(VERIFY_PATH) + "?token=" + token.value());
    }

    private LinkToken issue(Account account, AccountToken.Purpose purpose, java.time.Duration validity) {
        Instant now = clock.instant();
        tokens.invalidateOpen(account.getId(), purpose, now);
        LinkToken token = LinkToken.generate();
        tokens.save(new AccountToken(account.getId(), purpose, token.hash(), now, now.plus(validity)));
        return token;
    }

    private LinkCheck consume(
            String token, AccountToken.Purpose purpose, Instant now, java.util.function.Consumer<Account> action) {
        Found found = find(token, purpose, now);
        if (found.check() == LinkCheck.VALID) {
            found.token().use(now);
            accounts.findById(found.token().accountId()).ifPresent(action);
        }
        return found.check();
    }

    private Found find(String token, AccountToken.Purpose purpose, Instant now) {
        LinkToken parsed;
        try {
            parsed = new LinkToken(token);
        } catch (IllegalArgumentException e) {
            return new Found(LinkCheck.INVALID, null);
        }
        Optional<AccountToken> stored = tokens.findByTokenHash(parsed.hash()).filter(t -> t.purpose() == purpose);
        if (stored.isEmpty()) {
            return new Found(LinkCheck.INVALID, null);
        }
        AccountToken found = stored.get();
        if (found.used()) {
            return new Found(LinkCheck.USED, found);
        }
        if (found.expiredAt(now)) {
            return new Found(LinkCheck.EXPIRED, found);
        }
        return new Found(LinkCheck.VALID, found);
    }

    private record Found(LinkCheck check, AccountToken token) {}

    private static EmailAddress parseEmail(String email) {
        try {
            return EmailAddress.of(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email", e.getMessage());
        }
    }

    private static String validName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "Enter your name, as your team mates know you");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("name", "Use at most 100 characters for your name");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "Your name cannot contain control characters");
        }
        return name;
    }

    private static Optional<UUID> parseId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Loads an account for the sign-in form and the ID token; package-private for the provider's wiring. */
    Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    Optional<Account> findById(UUID id) {
        return accounts.findById(id);
    }
}
