/**
 * The audit log. It only listens: each client event becomes an entry with the actor, the time and the changed
 * fields (old value → new value). Entries never hold secret values. Publishes the history of a client to its team.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.devportal.audit;
