package org.devportal.notifications;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    List<Notification> findByTeamIdInOrderByCreatedAtDesc(Collection<UUID> teamIds, Limit limit);

    @org.springframework.data.jpa.repository.Query("""
            select n from Notification n where n.teamId in :teamIds or n.audienceRole in :roles
            order by n.createdAt desc""")
    List<Notification> findForTeamsOrRoles(Collection<UUID> teamIds, Collection<String> roles, Limit limit);
}
