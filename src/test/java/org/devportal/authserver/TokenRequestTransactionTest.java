package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class TokenRequestTransactionTest {

    private final Transactions transactions = new Transactions();
    private final TokenRequestTransaction transaction = new TokenRequestTransaction(transactions);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/oauth/token");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** Adds a header on the way in, as the CORS filter does, so a repeated walk would add it twice. */
    private final Filter cors = (req, res, chain) -> {
        ((jakarta.servlet.http.HttpServletResponse) res).addHeader("Vary", "Origin");
        req.setAttribute("cors.applied", Boolean.TRUE);
        chain.doFilter(req, res);
    };

    @Test
    void a_certification_conflict_is_retried_from_the_start_and_answered_once() throws Exception {
        response.addHeader("X-Before", "kept");
        AtomicInteger attempts = new AtomicInteger();
        Filter endpoint = (req, res, chain) -> {
            if (attempts.incrementAndGet() == 1) {
                assertThat(req.getAttribute("cors.applied")).isEqualTo(Boolean.TRUE);
                throw new JpaSystemException(new RuntimeException(new SQLTransactionRollbackException(
                        "WSREP detected deadlock/conflict and aborted the transaction", "40001", 1213)));
            }
            res.getWriter().write("{\"access_token\":\"second\"}");
        };

        run(endpoint);

        assertThat(attempts).hasValue(2);
        assertThat(transactions.rolledBack).isEqualTo(1);
        assertThat(transactions.committed).isEqualTo(1);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"access_token\":\"second\"}");
        assertThat(response.getHeaders("Vary")).containsExactly("Origin");
        assertThat(response.getHeaders("X-Before")).containsExactly("kept");
    }

    @Test
    void a_conflict_at_commit_is_retried_too() throws Exception {
        transactions.failCommits = 1;
        AtomicInteger attempts = new AtomicInteger();
        Filter endpoint = (req, res, chain) -> res.getWriter().write("answer " + attempts.incrementAndGet());

        run(endpoint);

        assertThat(attempts).hasValue(2);
        assertThat(response.getContentAsString()).isEqualTo("answer 2");
    }

    @Test
    void a_conflict_that_persists_is_answered_503_with_retry_after_and_nothing_of_the_attempts() throws Exception {
        Filter endpoint = (req, res, chain) -> {
            res.getWriter().write("{\"access_token\":\"never sent\"}");
            throw new CannotAcquireLockException("Deadlock found when trying to get lock");
        };

        run(endpoint);

        assertThat(transactions.rolledBack).isEqualTo(TokenRequestTransaction.ATTEMPTS);
        assertThat(transactions.committed).isZero();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString())
                .contains("\"error\":\"temporarily_unavailable\"")
                .doesNotContain("never sent");
        assertThat(response.getHeaders("Vary")).isEmpty();
    }

    @Test
    void a_request_that_gets_no_database_connection_is_answered_503_at_once() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Filter endpoint = (req, res, chain) -> {
            attempts.incrementAndGet();
            throw new CannotCreateTransactionException(
                    "Could not open JPA EntityManager for transaction",
                    new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));
        };

        run(endpoint);

        assertThat(attempts).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString())
                .contains("\"error\":\"temporarily_unavailable\"")
                .contains("busy");
    }

    @Test
    void other_failures_are_not_retried() {
        AtomicInteger attempts = new AtomicInteger();
        Filter endpoint = (req, res, chain) -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate key");
        };

        assertThatThrownBy(() -> run(endpoint)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void deadlocks_and_certification_conflicts_are_recognised_however_wrapped() {
        assertThat(TokenRequestTransaction.isTransientConflict(
                        new RuntimeException(new SQLException("Deadlock found", "40001", 1213))))
                .isTrue();
        assertThat(TokenRequestTransaction.isTransientConflict(new SQLException("x", "HY000", 1213)))
                .isTrue();
        assertThat(TokenRequestTransaction.isTransientConflict(new SQLException("Duplicate entry", "23000", 1062)))
                .isFalse();
        assertThat(TokenRequestTransaction.isTransientConflict(new IllegalStateException("no")))
                .isFalse();
    }

    private void run(Filter endpoint) throws Exception {
        List<Filter> chainFilters = new ArrayList<>(List.of(transaction, cors, endpoint));
        transaction.runsBefore(chainFilters);
        transaction.doFilter(request, response, new MockFilterChain(new HttpServlet() {}, cors, endpoint));
    }

    /** Counts commits and rollbacks; can make the next commits fail as a certification conflict does. */
    private static final class Transactions extends AbstractPlatformTransactionManager {
        int committed;
        int rolledBack;
        int failCommits;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (failCommits > 0) {
                failCommits--;
                throw new CannotAcquireLockException("WSREP detected deadlock/conflict");
            }
            committed++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack++;
        }
    }
}
