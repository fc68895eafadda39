package org.devportal.base;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused development secret as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class DevelopmentSecretFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentSecret.Refused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentSecret.Refused cause) {
        String variable = cause.secret().variable();
        return new FailureAnalysis(
                cause.getMessage(),
                "Generate a value with `openssl rand -base64 32` and set it as " + variable
                        + " (in docker-compose: in .env, see .env.example).",
                cause);
    }
}
