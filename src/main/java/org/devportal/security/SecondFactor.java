package org.devportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When an ID token says the user last passed a second factor: its {@code auth_time}, if its authentication-method
 * claim names a second-factor method or its {@code acr} is the configured one. The built-in identity provider
 * writes both claims the same way an external provider does, so one rule serves either.
 */
final class SecondFactor {

    /** A token's clock may run a little ahead of ours; further ahead than this, its time is not believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private SecondFactor() {}

    static Optional<Instant> checkedAt(Map<String, Object> claims, SecurityProperties.StepUpSettings settings) {
        if (!namesASecondFactor(claims, settings)) {
            return Optional.empty();
        }
        return instant(claims.get("auth_time"));
    }

    /** Whether the last second-factor check, per these claims, is recent enough at {@code now}. */
    static boolean isFresh(Map<String, Object> claims, SecurityProperties.StepUpSettings settings, Instant now) {
        return checkedAt(claims, settings)
                .filter(at -> !at.isAfter(now.plus(CLOCK_SKEW)))
                .filter(at -> !at.isBefore(now.minus(settings.maxAge())))
                .isPresent();
    }

    /** The second-factor methods the claims name, as the provider spells them; empty when only the acr counts. */
    static List<String> methods(Map<String, Object> claims, SecurityProperties.StepUpSettings settings) {
        Object methods = claims.get(settings.claim());
        List<String> values = switch (methods) {
            case Collection<?> collection ->
                collection.stream().map(String::valueOf).toList();
            case String text -> List.of(text.split("[\\s,]+"));
            case null, default -> List.of();
        };
        return values.stream().filter(settings.values()::contains).distinct().toList();
    }

    private static boolean namesASecondFactor(Map<String, Object> claims, SecurityProperties.StepUpSettings settings) {
        Object methods = claims.get(settings.claim());
        if (methods instanceof Collection<?> values
                && values.stream().map(String::valueOf).anyMatch(settings.values()::contains)) {
            return true;
        }
        if (methods instanceof String text) {
            for (String part : text.split("[\\s,]+")) {
                if (settings.values().contains(part)) {
                    return true;
                }
            }
        }
        return !settings.acr().isEmpty() && settings.acr().equals(claims.get("acr"));
    }

    private static Optional<Instant> instant(Object value) {
        return switch (value) {
            case Instant instant -> Optional.of(instant);
            case Date date -> Optional.of(date.toInstant());
            case Number number -> Optional.of(Instant.ofEpochSecond(number.longValue()));
            case String text when text.matches("\\d+") -> Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            case null, default -> Optional.empty();
        };
    }
}
