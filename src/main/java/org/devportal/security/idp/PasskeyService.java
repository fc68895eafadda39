package org.devportal.security.idp;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys and recovery codes of identity provider accounts. Reviewers and administrators must have a passkey and
 * confirm every sign-in with it; other accounts may add passkeys, and then confirm with them too. The first passkey
 * brings ten recovery codes, each of which replaces the passkey once.
 *
 * <p>Two callers: the provider's own second-factor pages act for the account signed in to the provider in this
 * session (its password checked, the authorization waiting); the portal's account page acts for the signed-in
 * portal user. Registering and confirming a passkey themselves are Spring Security's WebAuthn endpoints.
 */
@Service
public class PasskeyService {

    static final int RECOVERY_CODES = 10;
    private static final Logger log = LoggerFactory.getLogger(PasskeyService.class);
    private static final EnumSet<Role> PASSKEY_ROLES = EnumSet.of(Role.REVIEWER, Role.ADMIN);

    private final AccountService accounts;
    private final UserCredentialRepository credentials;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final RecoveryCodeRepository recoveryCodes;
    private final AccountEventRepository events;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher published;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasskeyService(
            AccountService accounts,
            UserCredentialRepository credentials,
            PublicKeyCredentialUserEntityRepository userEntities,
            RecoveryCodeRepository recoveryCodes,
            AccountEventRepository events,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser,
            ApplicationEventPublisher published,
            Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.userEntities = userEntities;
        this.recoveryCodes = recoveryCodes;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.published = published;
        this.clock = clock;
    }

    // The provider's second-factor pages: the account signed in to the provider in this session.

    /** Where the provider's sign-in in this session stands on its second factor. */
    @Transactional(readOnly = true)
    public SecondFactorStep secondFactorStep() {
        UUID account = signInAccount();
        return new SecondFactorStep(
                hasPasskey(account), requiresPasskey(account), recoveryCodes.countByAccountIdAndUsedAtIsNull(account));
    }

    /**
     * After the account registered a passkey during sign-in: records it, and returns the recovery codes that come
     * with the first passkey, to be shown once; empty when the account already has codes.
     */
    @Transactional
    public Optional<List<String>> passkeyAdded() {
        return passkeyAdded(signInAccount());
    }

    /**
     * Takes a recovery code instead of the passkey: the sign-in counts as confirmed, the code is spent and the use
     * goes into the account's security log. Returns how many codes are left.
     */
    @Transactional
    public long useRecoveryCode(String code) {
        HttpSession session = IdpSession.current().orElseThrow(PasskeyService::notSignedIn);
        Authentication signIn = IdpSession.signIn(session).orElseThrow(PasskeyService::notSignedIn);
        long left = useRecoveryCode(UUID.fromString(signIn.getName()), code);
        IdpSession.replace(
                session, SignInMarkers.withSecondFactor(signIn, SignInMarkers.SecondFactorMethod.OTP, clock.instant()));
        return left;
    }

    /** Where the browser goes once the second factor is passed. */
    public String continueUrl() {
        return IdpSession.current().map(IdpSession::continueUrl).orElse("/");
    }

    // The portal's account page: the signed-in portal user's own account.

    @Transactional(readOnly = true)
    public List<PasskeySummary> myPasskeys() {
        return passkeysOf(myAccount());
    }

    @Transactional(readOnly = true)
    public long myRecoveryCodesLeft() {
        return recoveryCodes.countByAccountIdAndUsedAtIsNull(myAccount());
    }

    /** After the user added a passkey on the account page: the recovery codes, if this was the first one. */
    @Transactional
    public Optional<List<String>> myPasskeyAdded() {
        return passkeyAdded(myAccount());
    }

    /** Replaces all recovery codes with ten new ones, shown once; the old ones stop working. */
    @Transactional
    public List<String> regenerateMyRecoveryCodes() {
        UUID account = myAccount();
        if (!hasPasskey(account)) {
            throw new InvalidInputException("recoveryCodes", "Add a passkey first; recovery codes stand in for it.");
        }
        long before = recoveryCodes.countByAccountIdAndUsedAtIsNull(account);
        List<String> codes = issueRecoveryCodes(account);
        publish(account, SecondFactorChanged.Change.RECOVERY_CODES_REGENERATED, null, before, (long) codes.size());
        return codes;
    }

    /**
     * Removes one of the user's passkeys. A reviewer or administrator keeps at least one: their role needs it to
     * sign in. Removing the last passkey also removes the recovery codes, which stand in for passkeys.
     */
    @Transactional
    public void removeMyPasskey(String passkeyId) {
        UUID account = myAccount();
        List<PasskeySummary> owned = passkeysOf(account);
        PasskeySummary passkey = owned.stream()
                .filter(p -> p.id().equals(passkeyId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("passkey", "This passkey no longer exists."));
        if (owned.size() == 1 && requiresPasskey(account)) {
            throw new InvalidInputException(
                    "passkey", "Reviewers and administrators need a passkey to sign in. Add another one first.");
        }
        credentials.delete(Bytes.fromBase64(passkey.id()));
        if (owned.size() == 1) {
            recoveryCodes.deleteByAccount(account);
        }
        log(account, AccountEvent.Action.PASSKEY_REMOVED, "Passkey \"" + passkey.label() + "\"");
        publish(account, SecondFactorChanged.Change.PASSKEY_REMOVED, passkey.label(), null, null);
    }

    // Shared by the pages above, the sign-in gate and the tests in this package.

    boolean hasPasskey(UUID account) {
        return !passkeysOf(account).isEmpty();
    }

    boolean requiresPasskey(UUID account) {
        return accounts.findById(account)
                .map(found -> found.roles().stream().anyMatch(PASSKEY_ROLES::contains))
                .orElse(false);
    }

    List<PasskeySummary> passkeysOf(UUID account) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(account.toString());
        if (entity == null) {
            return List.of();
        }
        List<PasskeySummary> passkeys = new ArrayList<>();
        for (CredentialRecord record : credentials.findByUserId(entity.getId())) {
            passkeys.add(new PasskeySummary(
                    record.getCredentialId().toBase64UrlString(),
                    record.getLabel(),
                    record.getCreated(),
                    record.getLastUsed()));
        }
        passkeys.sort(Comparator.comparing(PasskeySummary::created, Comparator.nullsFirst(Comparator.naturalOrder())));
        return passkeys;
    }

    @Transactional
    Optional<List<String>> passkeyAdded(UUID account) {
        List<PasskeySummary> passkeys = passkeysOf(account);
        if (passkeys.isEmpty()) {
            return Optional.empty();
        }
        log(
                account,
                AccountEvent.Action.PASSKEY_ADDED,
                "Passkey \"" + passkeys.getLast().label() + "\"");
        publish(
                account,
                SecondFactorChanged.Change.PASSKEY_ADDED,
                passkeys.getLast().label(),
                null,
                null);
        if (recoveryCodes.existsByAccountId(account)) {
            return Optional.empty();
        }
        List<String> codes = issueRecoveryCodes(account);
        publish(account, SecondFactorChanged.Change.RECOVERY_CODES_ISSUED, null, null, (long) codes.size());
        return Optional.of(codes);
    }

    @Transactional
    long useRecoveryCode(UUID account, String code) {
        RecoveryCode stored = RecoveryCodeFormat.normalize(code)
                .flatMap(canonical -> recoveryCodes
                        .findByAccountIdAndLookupAndUsedAtIsNull(account, RecoveryCodeFormat.lookup(canonical))
                        .filter(found -> passwordEncoder.matches(canonical, found.codeHash())))
                .orElseThrow(() -> new InvalidInputException(
                        "recoveryCode", "This recovery code is not valid, or it has been used already."));
        Instant now = clock.instant();
        stored.use(now);
        recoveryCodes.saveAndFlush(stored);
        long left = recoveryCodes.countByAccountIdAndUsedAtIsNull(account);
        log(account, AccountEvent.Action.RECOVERY_CODE_USED, left + " recovery codes left");
        publish(account, SecondFactorChanged.Change.RECOVERY_CODE_USED, null, left + 1, left);
        log.info("Account {} signed in with a recovery code; {} left", account, left);
        return left;
    }

    List<AccountEvent.Action> securityLog(UUID account) {
        return events.findByAccountIdOrderByOccurredAtDesc(account).stream()
                .map(AccountEvent::action)
                .toList();
    }

    private List<String> issueRecoveryCodes(UUID account) {
        recoveryCodes.deleteByAccount(account);
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>();
        List<String> lookups = new ArrayList<>();
        while (codes.size() < RECOVERY_CODES) {
            String code = RecoveryCodeFormat.generate(random);
            String lookup = RecoveryCodeFormat.lookup(code);
            if (lookups.contains(lookup)) {
                continue;
            }
            lookups.add(lookup);
            codes.add(code);
            recoveryCodes.save(new RecoveryCode(account, lookup, passwordEncoder.encode(code), now));
        }
        log(account, AccountEvent.Action.RECOVERY_CODES_ISSUED, RECOVERY_CODES + " recovery codes");
        return List.copyOf(codes);
    }

    private void log(UUID account, AccountEvent.Action action, String detail) {
        events.save(new AccountEvent(account, action, detail, clock.instant()));
    }

    private void publish(
            UUID account, SecondFactorChanged.Change change, String passkeyName, Long codesBefore, Long codesAfter) {
        Account found = accounts.findById(account).orElseThrow(PasskeyService::notAnAccount);
        published.publishEvent(new SecondFactorChanged(
                account,
                found.email(),
                found.displayName(),
                change,
                passkeyName,
                codesBefore,
                codesAfter,
                clock.instant()));
    }

    private UUID signInAccount() {
        return IdpSession.current().flatMap(IdpSession::account).orElseThrow(PasskeyService::notSignedIn);
    }

    private UUID myAccount() {
        String subject = currentUser.require().subject();
        try {
            UUID account = UUID.fromString(subject);
            if (accounts.findById(account).isPresent()) {
                return account;
            }
        } catch (IllegalArgumentException e) {
            // Not an account of the built-in provider; answered below.
        }
        throw notAnAccount();
    }

    private static InvalidInputException notAnAccount() {
        return new InvalidInputException("account", "Passkeys are managed at your identity provider.");
    }

    private static AuthenticationCredentialsNotFoundException notSignedIn() {
        return new AuthenticationCredentialsNotFoundException("Sign in with your password first");
    }
}
