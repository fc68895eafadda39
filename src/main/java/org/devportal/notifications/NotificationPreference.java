package org.devportal.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One user's choice of e-mails, keyed by the identity provider's subject; no row means every e-mail is off. */
@Entity
@Table(name = "notification_preference")
class NotificationPreference {

    @Id
    @Column(name = "user_subject")
    private String subject;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_new_submissions", nullable = false)
    private boolean emailNewSubmissions;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationPreference() {}

    String subject() {
        return subject;
    }

    NotificationPreference(String subject) {
        this.subject = subject;
    }

    void emailNewSubmissions(boolean wanted, String address, Instant now) {
        this.emailNewSubmissions = wanted;
        this.email = address;
        this.updatedAt = now;
    }

    String email() {
        return email;
    }

    boolean emailsNewSubmissions() {
        return emailNewSubmissions;
    }
}
