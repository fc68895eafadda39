package org.devportal.authserver;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EndpointRateLimit} in front of the issuers' machine endpoints, as a servlet filter of its own: it runs
 * after the forwarded-header and character-encoding filters (so it sees the same source address and form as
 * everything else) and before Spring Security's filter chains, so a refused request costs neither a secret check
 * nor a database transaction. The registration API's chain and the issuers' chain are both behind it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Just before Spring Security's filter chain, which Spring Boot registers at -100. */
    static final int ORDER = -110;

    /** Around the rate limit, so that the latency and outcome of refused requests are measured too. */
    static final int METRICS_ORDER = ORDER - 10;

    @Bean
    FilterRegistrationBean<EndpointRateLimit> endpointRateLimit(RateLimitProperties settings, MeterRegistry meters) {
        FilterRegistrationBean<EndpointRateLimit> registration =
                new FilterRegistrationBean<>(new EndpointRateLimit(settings, meters));
        registration.setOrder(ORDER);
        registration.addUrlPatterns(EndpointRateLimit.urlPatterns());
        return registration;
    }

    @Bean
    FilterRegistrationBean<TokenEndpointMetrics> tokenEndpointMetrics(MeterRegistry meters) {
        FilterRegistrationBean<TokenEndpointMetrics> registration =
                new FilterRegistrationBean<>(new TokenEndpointMetrics(meters));
        registration.setOrder(METRICS_ORDER);
        registration.addUrlPatterns(TokenEndpointMetrics.urlPatterns());
        return registration;
    }
}
