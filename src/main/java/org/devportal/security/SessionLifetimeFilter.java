package org.devportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that is older than the absolute lifetime, however active it has been: the idle timeout alone would
 * let an open tab keep a session for ever. The session's creation time is the servlet container's; Spring Security
 * changes the session id at sign-in but keeps the session, so the lifetime counts from the first visit.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetimeFilter(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && expired(session.getCreationTime())) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    boolean expired(long createdAtMillis) {
        return clock.millis() - createdAtMillis >= lifetime.toMillis();
    }
}
