package org.devportal.notifications;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationPreferenceRepository extends JpaRepository<NotificationPreference, String> {

    List<NotificationPreference> findByEmailNewSubmissionsTrue();

    @Modifying
    @Query("update NotificationPreference p set p.emailNewSubmissions = false where p.subject = :subject"
            + " and p.emailNewSubmissions = true")
    int stopNewSubmissionEmails(String subject);
}
