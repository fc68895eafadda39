package org.devportal.credentials;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CredentialRingRepository extends JpaRepository<CredentialRing, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from CredentialRing r where r.id = :id")
    Optional<CredentialRing> lock(UUID id);

    /** Creates the row if it is missing; a concurrent creator's row wins without an error. */
    @org.springframework.data.jpa.repository.Modifying
    @Query(
            value =
                    "insert ignore into credential_ring (id, client_id, environment) values (:id, :clientId, :environment)",
            nativeQuery = true)
    void createIfMissing(UUID id, UUID clientId, String environment);
}
