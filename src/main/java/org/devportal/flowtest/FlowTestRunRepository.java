package org.devportal.flowtest;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FlowTestRunRepository extends JpaRepository<FlowTestRun, UUID> {

    Optional<FlowTestRun> findFirstByClientIdAndFinishedAtIsNotNullOrderByFinishedAtDesc(UUID clientId);

    Optional<FlowTestRun> findFirstByClientIdAndSucceededTrueOrderByFinishedAtDesc(UUID clientId);
}
