package org.devportal.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Handles each request to a token or revocation endpoint in one database transaction: the client and secret lookups, the refresh
 * token's spent marker, the saved authorization and the audit entry commit together, or not at all. Besides saving
 * a commit per write, this keeps the audit module's rule that a grant is never stored without its entry.
 * <p>
 * Refusals are answers, not exceptions, so they commit too: a reused refresh token's revocation and its audit entry
 * are kept. The answer is held back until the commit, so that a client never holds a token the database does not
 * know yet (it would refresh with it at once).
 */
final class TokenRequestTransaction extends OncePerRequestFilter {

    private final TransactionTemplate transactions;

    TokenRequestTransaction(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
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
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    chain.doFilter(request, held);
                } catch (IOException | ServletException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failed.getCause();
        }
        held.copyBodyToResponse();
    }

    /** Carries a checked exception of the filter chain out of the transaction, which it rolls back. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }
}
