package org.devportal.authserver;

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

    @Bean
    FilterRegistrationBean<EndpointRateLimit> endpointRateLimit(RateLimitProperties settings) {
        FilterRegistrationBean<EndpointRateLimit> registration =
                new FilterRegistrationBean<>(new EndpointRateLimit(settings));
        registration.setOrder(ORDER);
        registration.addUrlPatterns(EndpointRateLimit.urlPatterns());
        return registration;
    }
}
