package org.devportal.clients;

/** A scope of the catalogue: what the API is, and what users read at consent. */
public record ScopeDefinition(ScopeName name, String api, String description) {}
