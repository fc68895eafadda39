package org.devportal.audit;

import java.time.Instant;
import java.util.List;
import org.devportal.base.FieldChange;

/** One line of a client's history: who did what, when, and which fields changed from what to what. */
public record HistoryEntry(String action, String actor, Instant at, List<FieldChange> changes) {}
