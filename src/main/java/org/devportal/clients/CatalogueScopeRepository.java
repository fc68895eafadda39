package org.devportal.clients;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogueScopeRepository extends JpaRepository<CatalogueScope, String> {

    List<CatalogueScope> findByAvailableTrueOrderBySortOrder();
}
