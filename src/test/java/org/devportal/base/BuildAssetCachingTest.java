package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BuildAssetCachingTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** Serves the request as Vaadin's file server does: it sets the file's cache time itself. */
    private void serveWith(String cacheControl) throws Exception {
        new BuildAssetCaching.ImmutableBuildFiles()
                .doFilter(
                        new MockHttpServletRequest("GET", "/VAADIN/build/indexhtml-Dy0we7Do.js"),
                        response,
                        new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                            @Override
                            protected void service(
                                    jakarta.servlet.http.HttpServletRequest request, HttpServletResponse served) {
                                served.setHeader("Cache-Control", cacheControl);
                            }
                        }));
    }

    @Test
    void a_bundle_file_the_file_server_lets_browsers_cache_for_an_hour_is_cached_for_a_year_unchanged()
            throws Exception {
        serveWith("max-age=3600");

        assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=31536000, immutable");
    }

    @Test
    void a_response_the_file_server_marks_as_not_cacheable_stays_so() throws Exception {
        serveWith("no-cache");

        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void a_response_that_must_be_revalidated_stays_so() throws Exception {
        serveWith("public, max-age=0, must-revalidate");

        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
    }
}
