package org.devportal.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.credentials.SecretHasher;
import org.devportal.credentials.SecretRecord;
import org.devportal.credentials.SecretRing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the token endpoint pays to check a client secret, against the usual default for stored secrets, over the
 * same generated secrets.
 * <ul>
 *   <li>{@link #keyedHash()} is the portal's check as {@code CredentialService.verify} runs it once the client's
 *       active secrets are loaded: parse the presented string (length, prefix, alphabet, checksum), refuse a secret
 *       of the other environment, build the client's {@link SecretRing} from its stored records and
 *       {@link SecretRing#verify verify} (one HMAC-SHA-256, a constant-time comparison with each active secret).</li>
 *   <li>{@link #bcrypt()} does the same up to the comparison, which it makes with Spring Security's
 *       {@code BCryptPasswordEncoder(10).matches} (bcrypt at strength 10, Spring Security's default encoding for
 *       stored secrets) against a bcrypt hash of each active secret until one fits. It tries the current secret
 *       first, its best order.</li>
 * </ul>
 * The database lookup of the active secrets and the last-used write are left out: the two checks would share them.
 * <p>
 * Every client is in the middle of a rotation, with a current secret and a previous one in its grace period, and
 * presents the secret that {@link #presented} names: the current one (one bcrypt call), the previous one (two) or
 * a well-formed secret it was never issued (two, and refused). The benchmark cycles through {@value #CLIENTS}
 * clients so that no single secret stays hot.
 * <p>
 * JMH generates its harness with an annotation processor, which javac 23 and later run only when asked; the
 * {@code bench} profile asks:
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Djmh.args=SecretVerification}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SecretVerificationBenchmark {

    /** Which secret a client presents. */
    public enum Presented {
        /** The secret issued by the latest rotation. */
        CURRENT,
        /** The secret before it, still valid in its grace period. */
        PREVIOUS,
        /** A well-formed secret of the same environment that the client was never issued. */
        UNKNOWN
    }

    private static final int CLIENTS = 8;
    private static final SecretEnvironment ENVIRONMENT = SecretEnvironment.PRODUCTION;

    @Param({"CURRENT", "PREVIOUS", "UNKNOWN"})
    public Presented presented;

    /** One client's active secrets as stored (oldest first), their bcrypt hashes (newest first), what it presents. */
    private record Client(List<SecretRecord> activeSecrets, List<String> bcryptHashes, String presented) {}

    private SecretHasher hasher;
    private BCryptPasswordEncoder bcrypt;
    private Instant now;
    private Client[] clients;
    private int next;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        now = clock.instant();
        hasher = new SecretHasher("a server-side key of at least 32 bytes".getBytes(StandardCharsets.US_ASCII));
        // Strength 10 is Spring Security's default, the one its authorization server uses for client secrets.
        bcrypt = new BCryptPasswordEncoder(10);
        clients = new Client[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            SecretRing ring = SecretRing.empty(ENVIRONMENT);
            ClientSecret previous = ring.rotate(GracePeriod.NOW, "bench", hasher, clock);
            ClientSecret current = ring.rotate(GracePeriod.SEVEN_DAYS, "bench", hasher, clock);
            String shown = switch (presented) {
                case CURRENT -> current.value();
                case PREVIOUS -> previous.value();
                case UNKNOWN -> ClientSecret.generate(ENVIRONMENT).value();
            };
            clients[i] = new Client(
                    ring.activeSecrets(now),
                    List.of(bcrypt.encode(current.value()), bcrypt.encode(previous.value())),
                    shown);
        }
        // Both checks must give the answer the product gives, for every client, or the figures mean nothing.
        boolean expected = presented != Presented.UNKNOWN;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            if (keyedHash() != expected) {
                wrong.add("keyed hash, client " + i);
            }
            if (bcrypt() != expected) {
                wrong.add("bcrypt, client " + i);
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Presenting the " + presented + " secret should be "
                    + (expected ? "accepted" : "refused") + ", but is not by: " + wrong);
        }
    }

    @Benchmark
    public boolean keyedHash() {
        Client client = nextClient();
        if (!wellFormedFor(client.presented())) {
            return false;
        }
        SecretRing ring = SecretRing.of(ENVIRONMENT, client.activeSecrets());
        return ring.verify(client.presented(), hasher, now).isPresent();
    }

    @Benchmark
    public boolean bcrypt() {
        Client client = nextClient();
        if (!wellFormedFor(client.presented())) {
            return false;
        }
        SecretRing ring = SecretRing.of(ENVIRONMENT, client.activeSecrets());
        if (ring.activeSecrets(now).isEmpty()) {
            return false;
        }
        for (String hash : client.bcryptHashes()) {
            if (bcrypt.matches(client.presented(), hash)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wellFormedFor(String presented) {
        Optional<ClientSecret> parsed = ClientSecret.parse(presented);
        return parsed.isPresent() && parsed.get().environment() == ENVIRONMENT;
    }

    private Client nextClient() {
        Client client = clients[next];
        next = (next + 1) % CLIENTS;
        return client;
    }
}
