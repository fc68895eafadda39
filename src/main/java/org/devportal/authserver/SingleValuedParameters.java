package org.devportal.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 6749 §3.2: the parameters of a token request must not be included more than once. Spring Authorization Server
 * checks the ones it reads first, but hands the others on as arrays where its code verifier check expects a single
 * value, and a {@code code} sent twice by a public client then failed with a server error. A repeated parameter is
 * refused here first, by name.
 */
final class SingleValuedParameters extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().endsWith(AuthorizationServerConfiguration.TOKEN_ENDPOINT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setHeader("Cache-Control", "no-store");
                // The name comes from the request: only a short, JSON-safe excerpt of it is repeated.
                String name = parameter.getKey().replaceAll("[^A-Za-z0-9_.:-]", "");
                name = name.substring(0, Math.min(name.length(), 40));
                response.getWriter()
                        .write("{\"error\":\"invalid_request\",\"error_description\":\""
                                + ErrorDescriptions.sentTwice(name, parameter.getValue().length) + "\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
