package org.devportal.audit;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Writes single entries; {@link HistoryRows} reads them, together with the counted ones. */
interface AuditEntryRepository extends JpaRepository<AuditEntry, UUID> {}
