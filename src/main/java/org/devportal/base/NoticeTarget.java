package org.devportal.base;

import java.util.Objects;
import java.util.UUID;

/**
 * The page a notification leads to, as a kind and an id. Only the kind's own pattern turns it into a path, so that
 * no link is ever read back from the database as a free-form URL; the page checks access itself when it opens.
 */
public record NoticeTarget(Kind kind, UUID id) {

    public enum Kind {
        /** The client's page, for its team. */
        CLIENT("/clients/"),
        /** A review's page, for reviewers and the client's team. */
        REVIEW("/review/"),
        /** The team's page, for its members. */
        TEAM("/teams/");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public NoticeTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static NoticeTarget client(UUID clientId) {
        return new NoticeTarget(Kind.CLIENT, clientId);
    }

    public static NoticeTarget review(UUID reviewId) {
        return new NoticeTarget(Kind.REVIEW, reviewId);
    }

    public static NoticeTarget team(UUID teamId) {
        return new NoticeTarget(Kind.TEAM, teamId);
    }

    /** The portal path of the page, such as {@code /clients/<id>}. */
    public String path() {
        return kind.prefix + id;
    }
}
