package org.devportal.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the token endpoint pays to check a client secret: {@link SecretRing#verify} (parse, one HMAC-SHA-256 and a
 * constant-time comparison with each of two active secrets) next to the same check with bcrypt at strength 10,
 * the usual default for password hashes.
 * <p>
 * Both check a client in the middle of a rotation, with a current and a previous secret, and are presented the
 * current one. Bcrypt tries the current secret's hash first, so it needs one {@code matches} call; trying both
 * would double its cost.
 * <p>
 * JMH generates its harness with an annotation processor, which javac 23 and later run only when asked:
 * {@code ./mvnw -Pbench -DskipTests -Dmaven.compiler.proc=full test-compile exec:exec -Djmh.args=SecretVerification}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SecretVerificationBenchmark {

    private SecretHasher hasher;
    private SecretRing ring;
    private Instant now;
    private String presented;

    private BCryptPasswordEncoder bcrypt;
    private List<String> bcryptHashes;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        now = clock.instant();
        hasher = new SecretHasher("a server-side key of at least 32 bytes".getBytes(StandardCharsets.US_ASCII));
        ring = SecretRing.empty(SecretEnvironment.PRODUCTION);
        ClientSecret previous = ring.rotate(GracePeriod.NOW, "bench", hasher, clock);
        ClientSecret current = ring.rotate(GracePeriod.SEVEN_DAYS, "bench", hasher, clock);
        presented = current.value();

        bcrypt = new BCryptPasswordEncoder(10);
        bcryptHashes = List.of(bcrypt.encode(current.value()), bcrypt.encode(previous.value()));

        if (ring.verify(presented, hasher, now).isEmpty() || !bcryptVerify()) {
            throw new IllegalStateException("The benchmark's secret is not accepted");
        }
    }

    @Benchmark
    public Optional<SecretRecord> hmacVerify() {
        return ring.verify(presented, hasher, now);
    }

    @Benchmark
    public boolean bcryptVerify() {
        for (String hash : bcryptHashes) {
            if (bcrypt.matches(presented, hash)) {
                return true;
            }
        }
        return false;
    }
}
