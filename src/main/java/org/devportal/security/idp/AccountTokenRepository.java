package org.devportal.security.idp;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, UUID> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    /** Invalidates earlier links of the same kind, so only the newest e-mail works. */
    @Modifying
    @Query("update AccountToken t set t.usedAt = :now where t.accountId = :accountId and t.purpose = :purpose "
            + "and t.usedAt is null")
    int invalidateOpen(UUID accountId, AccountToken.Purpose purpose, java.time.Instant now);
}
