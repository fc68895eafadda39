package org.devportal.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * As docs/client-rules.md (authorization flow and tokens) has it, a {@code code_verifier} is 43–128 characters from
 * {@code A-Z a-z 0-9 - . _ ~} (RFC 7636 §4.1). Spring Authorization Server only compares its hash, so a malformed
 * verifier is refused here first.
 */
final class CodeVerifierFormat extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/oauth/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String verifier = request.getParameter("code_verifier");
        if (verifier != null
                && !AuthorizationRequestRules.PKCE_VALUE.matcher(verifier).matches()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("Cache-Control", "no-store");
            response.getWriter()
                    .write("{\"error\":\"invalid_request\",\"error_description\":"
                            + "\"The code_verifier must be 43 to 128 characters from A-Z a-z 0-9 - . _ ~\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
