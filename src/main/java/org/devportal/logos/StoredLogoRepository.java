package org.devportal.logos;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredLogoRepository extends JpaRepository<StoredLogo, StoredLogo.Key> {}
