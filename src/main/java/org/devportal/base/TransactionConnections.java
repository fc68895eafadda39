package org.devportal.base;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The portal's data source: its connection pool, and beside it a second pool of the same database whose
 * connections have autocommit off, for work that runs whole in transactions ({@link #inTransactionsOnly}).
 * <p>
 * A connection of the main pool has autocommit on, as work outside a transaction needs. A transaction on it
 * switches autocommit off at its start and on again at its end: two round trips to the database that do nothing
 * else, a quarter of what a refresh grant sends. A connection of the second pool needs neither, because all work
 * on it is transactional and ends with a commit or a rollback. Work that opted in must stay in transactions: a
 * statement outside one would be rolled back when its connection returns to the pool.
 * <p>
 * The second pool has the main pool's settings (address, credentials, size, time-outs, metrics) and opens its
 * connections only when first used.
 */
public final class TransactionConnections extends DelegatingDataSource implements AutoCloseable {

    private static final ScopedValue<Boolean> TRANSACTIONS_ONLY = ScopedValue.newInstance();

    private final HikariDataSource main;
    private volatile HikariDataSource transactional;

    public TransactionConnections(HikariDataSource main) {
        super(main);
        this.main = main;
    }

    /**
     * Runs work that uses the database only in transactions; the connections it takes come from the pool whose
     * autocommit is off.
     */
    public static <T> T inTransactionsOnly(Supplier<T> work) {
        return ScopedValue.where(TRANSACTIONS_ONLY, Boolean.TRUE).call(work::get);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return TRANSACTIONS_ONLY.isBound() ? transactional().getConnection() : main.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return TRANSACTIONS_ONLY.isBound()
                ? transactional().getConnection(username, password)
                : main.getConnection(username, password);
    }

    private HikariDataSource transactional() {
        HikariDataSource pool = transactional;
        if (pool == null) {
            synchronized (this) {
                pool = transactional;
                if (pool == null) {
                    HikariConfig config = new HikariConfig();
                    main.copyStateTo(config);
                    config.setAutoCommit(false);
                    config.setPoolName((main.getPoolName() == null ? "portal" : main.getPoolName()) + "-transactions");
                    pool = new HikariDataSource(config);
                    transactional = pool;
                }
            }
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (transactional != null) {
            transactional.close();
        }
        main.close();
    }
}
