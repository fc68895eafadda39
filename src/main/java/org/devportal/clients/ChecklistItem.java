package org.devportal.clients;

/** One line of the completeness checklist: what must be there before the client can be submitted for review. */
public record ChecklistItem(String field, String label, boolean done, String hint) {}
