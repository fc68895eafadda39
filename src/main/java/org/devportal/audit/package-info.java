/**
 * The audit log. It only listens: every event that implements {@link org.devportal.base.Audited} becomes an entry
 * with the actor, the time and the changed fields (old value → new value), described by the module that published
 * it, so recording imports no other module. Entries about a team as a whole have no client, and entries about an
 * account have no team either. Events that ask for it are counted instead, one entry per client, action,
 * actor and time window, with short excerpts of their values. Entries never hold secret values. Publishes the
 * history of a client to its team, a page at a time, which {@code audit.ui} contributes to the client page as its
 * History tab. Rows of requests a client secret authenticated name that secret, and the log answers
 * {@link org.devportal.base.SecretUsage} from them. Administrators read the whole log, filtered and paged
 * ({@link org.devportal.audit.PortalAudit}, the page {@code /admin/audit}); for its filters it reads team names and
 * resolves client IDs, which is all it uses of {@code teams} and {@code clients}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"base", "clients", "clients :: ui", "security", "teams"})
package org.devportal.audit;
