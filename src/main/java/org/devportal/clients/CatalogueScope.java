package org.devportal.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the scope catalogue; the catalogue is data, seeded by Liquibase. */
@Entity
@Table(name = "scope")
class CatalogueScope {

    @Id
    private String name;

    @Column(nullable = false)
    private String api;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private boolean available;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected CatalogueScope() {}

    ScopeDefinition definition() {
        return new ScopeDefinition(new ScopeName(name), api, description);
    }

    boolean available() {
        return available;
    }

    int sortOrder() {
        return sortOrder;
    }
}
