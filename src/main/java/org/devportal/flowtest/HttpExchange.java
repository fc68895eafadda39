package org.devportal.flowtest;

import java.util.List;

/**
 * One HTTP request and its response, as the stepper shows and stores them: already redacted, so that no code,
 * token, verifier or secret appears in any field.
 *
 * @param requestHeaders {@code Name: value} lines
 * @param status the response's status, or 0 when the request did not get an answer
 * @param responseHeaders the response headers that explain something ({@code Content-Type}, {@code WWW-Authenticate} ...)
 */
public record HttpExchange(
        String method,
        String url,
        List<String> requestHeaders,
        String requestBody,
        int status,
        List<String> responseHeaders,
        String responseBody,
        long millis) {

    public HttpExchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }
}
