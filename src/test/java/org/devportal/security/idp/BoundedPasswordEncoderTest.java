package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.devportal.base.TryAgainLaterException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    @Test
    void no_more_hashes_than_the_cap_run_at_once_and_a_further_one_is_refused_with_try_again() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(blocking(inside, release), 2, Duration.ZERO);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofVirtual().start(() -> encoder.encode("a password")));
        }
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> encoder.matches("a password", "hash"))
                .isInstanceOf(TryAgainLaterException.class)
                .hasMessageContaining("try again");
        assertThat(encoder.mostAtOnce()).isEqualTo(2);

        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(encoder.matches("a password", "hash")).isTrue();
        assertThat(encoder.mostAtOnce()).isEqualTo(2);
    }

    private static PasswordEncoder blocking(CountDownLatch inside, CountDownLatch release) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "hash";
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return true;
            }
        };
    }
}
