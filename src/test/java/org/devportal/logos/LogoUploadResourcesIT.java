package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What an upload costs others: no database connection while it decodes, and a per-user limit on uploads. */
class LogoUploadResourcesIT extends IntegrationTest {

    @Autowired
    StoredLogoRepository stored;

    @Autowired
    ClientService clients;

    @Autowired
    PortalProperties portal;

    @Autowired
    Clock portalClock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void registerAClient() {
        team = signInWithANewTeam("uploads-" + UUID.randomUUID() + "@example.com", "Uploads", Role.DEVELOPER);
        client = register("Ledger");
    }

    private ClientDetails register(String name) {
        return clients.register(team.id(), ClientType.PUBLIC, name, "https://l.example.com/cb");
    }

    private LogoService service(LogoProcessor processor, UploadLimit limit) {
        return new LogoService(
                processor, stored, clients, portal, portalClock, transactions, new SimpleMeterRegistry(), limit);
    }

    @Test
    void uploads_being_decoded_hold_no_database_connection_so_the_pool_stays_free_for_everyone_else() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        int uploads = pool.getMaximumPoolSize();
        CountDownLatch allDecoding = new CountDownLatch(uploads);
        CountDownLatch release = new CountDownLatch(1);
        Set<Boolean> inTransactionWhileDecoding = ConcurrentHashMap.newKeySet();
        LogoProcessor slowDecoder = new LogoProcessor() {
            @Override
            public ProcessedLogo process(byte[] upload, CropBox crop) {
                inTransactionWhileDecoding.add(TransactionSynchronizationManager.isActualTransactionActive());
                allDecoding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.process(upload, crop);
            }
        };
        LogoService logos = service(slowDecoder, new UploadLimit(1000, TimeMeter.SYSTEM_NANOTIME));
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        ExecutorService threads = Executors.newFixedThreadPool(uploads);
        List<ClientDetails> uploadedTo = new ArrayList<>();
        List<Future<String>> hashes = new ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                // One client and one image each, as when that many users upload at once.
                ClientDetails target = register("Ledger " + i);
                uploadedTo.add(target);
                byte[] png = LogoTestImages.png(LogoTestImages.quadrants(400, 400, 100 + 10 * i, 200));
                hashes.add(threads.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(user);
                    try {
                        return logos.upload(target.id(), png, CropBox.of(0, 0, 400));
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            assertThat(allDecoding.await(60, TimeUnit.SECONDS))
                    .as("as many uploads as the pool has connections are decoding at once")
                    .isTrue();

            assertThat(inTransactionWhileDecoding).containsOnly(false);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isLessThan(uploads);
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class))
                    .as("a page or a token request still gets a connection")
                    .isEqualTo(1);
        } finally {
            release.countDown();
            threads.shutdown();
        }
        for (int i = 0; i < uploads; i++) {
            assertThat(hashes.get(i).get(60, TimeUnit.SECONDS))
                    .isEqualTo(clients.get(uploadedTo.get(i).id()).logoHash());
        }
    }

    @Test
    void a_user_over_the_upload_limit_is_told_how_long_to_wait_and_their_logo_stays() {
        AtomicLong nanos = new AtomicLong();
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        LogoService logos = service(new LogoProcessor(), new UploadLimit(2, time));
        byte[] first = LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200));
        byte[] second = LogoTestImages.png(LogoTestImages.quadrants(400, 400, 100, 100));
        logos.upload(client.id(), first, CropBox.of(0, 0, 400));
        String kept = logos.upload(client.id(), second, CropBox.of(0, 0, 400));

        assertThatThrownBy(() -> logos.upload(client.id(), first, CropBox.of(0, 0, 400)))
                .isInstanceOfSatisfying(
                        LogoRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(LogoRejectedException.Reason.RATE_LIMITED))
                .hasMessage("You have uploaded 2 logos within a minute. Wait 30 seconds, then upload again.");
        assertThat(clients.get(client.id()).logoHash()).isEqualTo(kept);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(logos.upload(client.id(), first, CropBox.of(0, 0, 400))).isNotEqualTo(kept);
    }
}
