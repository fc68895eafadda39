package org.devportal.authserver;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.devportal.base.Causes;
import org.devportal.base.DatabaseUnavailable;
import org.devportal.base.TransactionConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Handles each request to a token or revocation endpoint in one database transaction: the client and secret lookups, the refresh
 * token's spent marker, the saved authorization and the audit entry commit together, or not at all. Besides saving
 * a commit per write, this keeps the audit module's rule that a grant is never stored without its entry. Refreshes
 * are counted rather than entered one by one; a count is added once the transaction has committed and written with
 * others a moment later (the audit module's {@code AuditAggregates}).
 * <p>
 * Refusals are answers, not exceptions, so they commit too: a reused refresh token's revocation and its audit entry
 * are kept. The answer is held back until the commit, so that a client never holds a token the database does not
 * know yet (it would refresh with it at once).
 * <p>
 * A transaction that the database aborts for a conflict it would not have had a moment later (a deadlock, or a
 * Galera certification conflict when two nodes write the same row at once) is run again from the start, up to
 * {@value #ATTEMPTS} times, since nothing of it was committed or answered. The rest of the security filter chain
 * runs afresh for each attempt: a servlet filter chain can be walked only once, so the filters after this one are
 * kept and walked again. If the conflict persists, the answer is {@code 503} with {@code Retry-After}, never a
 * {@code 500}; so is a request that got no database connection in time (a burst larger than the pool, or a
 * database that cannot be reached) or lost it (a database node that died).
 */
final class TokenRequestTransaction extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenRequestTransaction.class);
    static final int ATTEMPTS = 4;

    private final TransactionTemplate transactions;
    private List<Filter> following = List.of();

    TokenRequestTransaction(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Takes the filters that come after this one in its security filter chain, to walk them again on a retry. */
    void runsBefore(List<Filter> chainFilters) {
        int position = chainFilters.indexOf(this);
        if (position < 0) {
            throw new IllegalStateException("The token request transaction is not in this filter chain");
        }
        following = List.copyOf(chainFilters.subList(position + 1, chainFilters.size()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getRequestURI().endsWith(AuthorizationServerConfiguration.TOKEN_ENDPOINT)
                        || request.getRequestURI().endsWith(AuthorizationServerConfiguration.REVOCATION_ENDPOINT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> attributes = new HashSet<>(Collections.list(request.getAttributeNames()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        for (int attempt = 1; ; attempt++) {
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            try {
                FilterChain walk = attempt == 1 ? chain : new Walk(following);
                // Everything a token request does with the database is in this transaction, so its connection
                // can come without autocommit: no round trips to switch it off and on again.
                TransactionConnections.inTransactionsOnly(() -> transactions.execute(status -> {
                    try {
                        walk.doFilter(request, held);
                    } catch (IOException | ServletException e) {
                        throw new Failed(e);
                    }
                    return null;
                }));
                held.copyBodyToResponse();
                return;
            } catch (RuntimeException e) {
                Throwable failure = e instanceof Failed ? e.getCause() : e;
                if (DatabaseUnavailable.isCauseOf(failure)) {
                    // No connection became free in time, or the database cannot be reached; or the connection broke
                    // during the request, at worst at its commit, whose outcome is then unknown. A retry is safe
                    // either way: a refresh carried out already is refused as spent, never issued twice.
                    // The root cause only: the wrapping messages repeat the statement that was running.
                    log.warn(
                            "A token request found no database connection: {}",
                            NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
                    response.reset();
                    headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                    busy(response, "The service is busy or lost its database connection; retry the request");
                    return;
                }
                if (!isTransientConflict(failure)) {
                    if (failure instanceof IOException io) {
                        throw io;
                    }
                    if (failure instanceof ServletException servlet) {
                        throw servlet;
                    }
                    throw e;
                }
                // Nothing was committed and nothing was sent: start again from the state before the attempt.
                response.reset();
                headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                Collections.list(request.getAttributeNames()).stream()
                        .filter(name -> !attributes.contains(name))
                        .toList()
                        .forEach(request::removeAttribute);
                SecurityContextHolder.clearContext();
                if (attempt == ATTEMPTS) {
                    log.warn("A token request kept conflicting with concurrent writes after {} attempts", attempt);
                    busy(response, "The request conflicted with a concurrent change and was not carried out; retry it");
                    return;
                }
                log.debug("A token request conflicted with a concurrent write; attempt {} of {}", attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /**
     * Deadlocks and Galera certification conflicts (MariaDB error 1213, SQL state 40001), however the JDBC driver,
     * Hibernate or Spring wrapped them.
     */
    static boolean isTransientConflict(Throwable failure) {
        return Causes.anyMatch(
                failure,
                cause -> cause instanceof ConcurrencyFailureException
                        || (cause instanceof SQLException sql
                                && (sql.getErrorCode() == 1213 || "40001".equals(sql.getSQLState()))));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void busy(HttpServletResponse response, String description) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"error\":\"temporarily_unavailable\",\"error_description\":\"" + description + "\"}");
    }

    /**
     * The filters after this one, walked again for a retry. The token and revocation endpoints answer every
     * request they see, so a walk never reaches its end; if it did, the request was not one this filter is for.
     */
    private static final class Walk implements FilterChain {
        private final List<Filter> filters;
        private int position;

        Walk(List<Filter> filters) {
            this.filters = filters;
        }

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
                throws IOException, ServletException {
            if (position == filters.size()) {
                throw new ServletException("No endpoint answered a retried token request");
            }
            filters.get(position++).doFilter(request, response, this);
        }
    }

    /** Carries a checked exception of the filter chain out of the transaction, which it rolls back. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }
}
