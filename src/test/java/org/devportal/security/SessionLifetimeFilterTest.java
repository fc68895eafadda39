package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionLifetimeFilterTest {

    private static final Duration LIFETIME = Duration.ofHours(12);

    @Test
    void a_session_younger_than_the_lifetime_goes_on() throws Exception {
        MockHttpSession session = new MockHttpSession();

        filter(Clock.offset(Clock.systemUTC(), Duration.ofHours(11)), session);

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_session_older_than_the_lifetime_ends_however_active_it_was() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.access();

        filter(Clock.offset(Clock.systemUTC(), Duration.ofHours(12).plusSeconds(1)), session);

        assertThat(session.isInvalid()).isTrue();
    }

    private static void filter(Clock clock, MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/clients");
        request.setSession(session);
        new SessionLifetimeFilter(LIFETIME, clock)
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
