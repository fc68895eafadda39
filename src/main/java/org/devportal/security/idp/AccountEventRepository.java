package org.devportal.security.idp;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountEventRepository extends JpaRepository<AccountEvent, UUID> {

    List<AccountEvent> findByAccountIdOrderByOccurredAtDesc(UUID accountId);
}
