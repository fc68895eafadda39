package org.devportal.security.idp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/**
 * An account's second factor changed or was used: a passkey added or removed, recovery codes issued, one spent. The
 * account acts on itself, so it is the actor. It belongs to no team and no client, so only the administrators' audit
 * log shows it. It names the passkey and counts the codes; it never carries a code, a key or a credential id.
 */
public record SecondFactorChanged(
        UUID accountId,
        String accountEmail,
        String accountName,
        Change change,
        String passkeyName,
        Long recoveryCodesBefore,
        Long recoveryCodesAfter,
        Instant at)
        implements Audited {

    /** What happened to the second factor. */
    public enum Change {
        PASSKEY_ADDED("Passkey added"),
        PASSKEY_REMOVED("Passkey removed"),
        RECOVERY_CODES_ISSUED("Recovery codes issued"),
        RECOVERY_CODES_REGENERATED("Recovery codes regenerated"),
        RECOVERY_CODE_USED("Recovery code used");

        private final String label;

        Change(String label) {
            this.label = label;
        }
    }

    @Override
    public UUID clientId() {
        return null;
    }

    @Override
    public UUID teamId() {
        return null;
    }

    @Override
    public String auditAction() {
        return change.label;
    }

    @Override
    public String actorSubject() {
        return accountId.toString();
    }

    @Override
    public String actorName() {
        return accountName == null || accountName.isBlank() ? accountEmail : accountName;
    }

    @Override
    public List<FieldChange> auditChanges() {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("Account", null, accountEmail));
        if (passkeyName != null) {
            changes.add(
                    change == Change.PASSKEY_REMOVED
                            ? new FieldChange("Passkey", passkeyName, null)
                            : new FieldChange("Passkey", null, passkeyName));
        }
        if (recoveryCodesAfter != null) {
            changes.add(new FieldChange(
                    "Unused recovery codes",
                    recoveryCodesBefore == null ? null : String.valueOf(recoveryCodesBefore),
                    String.valueOf(recoveryCodesAfter)));
        }
        return List.copyOf(changes);
    }
}
