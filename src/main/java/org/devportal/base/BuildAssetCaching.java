package org.devportal.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The frontend bundle's files under {@code /VAADIN/build/} carry a hash of their content in their names (the build
 * names them so), and a name never serves other content: browsers may keep them for a year and need not ask again.
 * Vaadin's file server gives them an hour, after which a page load asks again for each file it needs before it can
 * run. Only responses that Vaadin marks as cacheable, the files it found, are changed; an unknown name is not.
 */
@Configuration(proxyBeanMethods = false)
class BuildAssetCaching {

    static final String FOR_A_YEAR = "max-age=31536000, immutable";

    @Bean
    FilterRegistrationBean<ImmutableBuildFiles> buildAssetCachingFilter() {
        FilterRegistrationBean<ImmutableBuildFiles> registration =
                new FilterRegistrationBean<>(new ImmutableBuildFiles());
        registration.addUrlPatterns("/VAADIN/build/*");
        return registration;
    }

    static final class ImmutableBuildFiles extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new ImmutableWhenCacheable(response));
        }
    }

    /** Turns the file server's "cache for a while" into "cache for a year, unchanged". */
    private static final class ImmutableWhenCacheable extends HttpServletResponseWrapper {

        ImmutableWhenCacheable(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, immutable(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, immutable(name, value));
        }

        private static String immutable(String name, String value) {
            boolean cacheable = HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)
                    && value != null
                    && value.startsWith("max-age=")
                    && !value.equals("max-age=0");
            return cacheable ? FOR_A_YEAR : value;
        }
    }
}
