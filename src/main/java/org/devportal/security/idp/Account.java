package org.devportal.security.idp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.devportal.base.AbstractEntity;
import org.devportal.base.EmailAddress;
import org.devportal.security.Role;

/** An account of the built-in identity provider. */
@Entity
@Table(name = "idp_account")
class Account extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(nullable = false)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Raised to end every session of the account; each session remembers the value it signed in with. */
    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    protected Account() {}

    Account(EmailAddress email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.email = email.value();
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        setRoles(roles);
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    int sessionEpoch() {
        return sessionEpoch;
    }

    Set<Role> roles() {
        Set<Role> parsed = EnumSet.of(Role.DEVELOPER);
        Arrays.stream(roles.split(","))
                .map(Role::parse)
                .flatMap(java.util.Optional::stream)
                .forEach(parsed::add);
        return parsed;
    }

    /** Marks the address verified; a change ends the account's sessions, which were started before it. */
    void verifyEmail(Instant at) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = at;
            endSessions();
        }
    }

    /** Sets a new password and ends every session signed in with an older one. */
    void changePassword(String newHash) {
        this.passwordHash = newHash;
        endSessions();
    }

    private void endSessions() {
        sessionEpoch++;
    }

    void grant(Role role) {
        Set<Role> current = roles();
        current.add(role);
        setRoles(current);
    }

    void revoke(Role role) {
        Set<Role> current = roles();
        current.remove(role);
        setRoles(current);
    }

    private void setRoles(Set<Role> roles) {
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
