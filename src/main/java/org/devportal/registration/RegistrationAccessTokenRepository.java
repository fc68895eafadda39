package org.devportal.registration;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrationAccessTokenRepository extends JpaRepository<StoredRegistrationAccessToken, UUID> {

    Optional<StoredRegistrationAccessToken> findByTokenHash(String tokenHash);
}
