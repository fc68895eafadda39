package org.devportal.security.idp;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, UUID> {

    Optional<RecoveryCode> findByAccountIdAndLookupAndUsedAtIsNull(UUID accountId, String lookup);

    long countByAccountIdAndUsedAtIsNull(UUID accountId);

    boolean existsByAccountId(UUID accountId);

    @Modifying
    @Query("delete from RecoveryCode c where c.accountId = :accountId")
    int deleteByAccount(UUID accountId);
}
