package org.devportal.review;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRepository extends JpaRepository<Review, UUID> {

    List<Review> findByClientIdOrderByRevisionDesc(UUID clientId);

    Optional<Review> findFirstByClientIdOrderByRevisionDesc(UUID clientId);

    int countByClientId(UUID clientId);

    @org.springframework.data.jpa.repository.Query("""
            select r from Review r where r.status in :statuses and r.submittedAt <= :submittedBefore
            and lower(r.teamName) like :team order by r.submittedAt""")
    List<Review> queue(
            java.util.Collection<ReviewStatus> statuses,
            java.time.Instant submittedBefore,
            String team,
            org.springframework.data.domain.Pageable page);

    @org.springframework.data.jpa.repository.Query("""
            select count(r) from Review r where r.status in :statuses and r.submittedAt <= :submittedBefore
            and lower(r.teamName) like :team""")
    long countQueue(java.util.Collection<ReviewStatus> statuses, java.time.Instant submittedBefore, String team);

    long countByStatus(ReviewStatus status);

    @org.springframework.data.jpa.repository.Query("select min(r.submittedAt) from Review r where r.status = :status")
    java.time.Instant oldestSubmittedAt(ReviewStatus status);
}
