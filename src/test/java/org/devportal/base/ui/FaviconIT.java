package org.devportal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;

class FaviconIT extends IntegrationTest {

    @Test
    void the_favicon_is_served_to_anyone_as_an_icon() throws Exception {
        HttpResponse<byte[]> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/favicon.ico"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        // An ICO file starts with reserved 0, type 1 (icon), and the number of images.
        assertThat(response.body()).startsWith(0, 0, 1, 0);
        assertThat(response.body().length).isGreaterThan(100);
    }
}
