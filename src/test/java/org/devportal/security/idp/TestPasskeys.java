package org.devportal.security.idp;

import java.time.Instant;
import java.util.UUID;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Stores a passkey for an account the way Spring Security's registration endpoint stores one, for tests of what
 * follows a registration. Its key cannot sign anything: tests that confirm with a passkey use a real browser.
 */
public final class TestPasskeys {

    private TestPasskeys() {}

    /** Stores a passkey with the given name for the account; returns its credential id. */
    public static String register(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            UUID account,
            String label) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(account.toString());
        if (entity == null) {
            entity = ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random())
                    .name(account.toString())
                    .displayName(account.toString())
                    .build();
            userEntities.save(entity);
        }
        Bytes credentialId = Bytes.random();
        credentials.save(ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(credentialId)
                .userEntityUserId(entity.getId())
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .created(Instant.now())
                .lastUsed(Instant.now())
                .label(label)
                .build());
        return credentialId.toBase64UrlString();
    }
}
