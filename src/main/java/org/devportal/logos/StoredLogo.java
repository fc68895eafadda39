package org.devportal.logos;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One rendition of a logo, content-addressed by the SHA-256 of its 512 px PNG. Stored in the database, so every
 * node can serve every logo; immutable, so it can be cached for ever.
 */
@Entity
@Table(name = "logo_image")
@IdClass(StoredLogo.Key.class)
class StoredLogo {

    @Id
    @Column(name = "content_hash")
    private String contentHash;

    @Id
    @Column(name = "size")
    private int size;

    @Column(nullable = false, columnDefinition = "mediumblob")
    private byte[] png;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredLogo() {}

    StoredLogo(String contentHash, int size, byte[] png, Instant createdAt) {
        this.contentHash = contentHash;
        this.size = size;
        this.png = png.clone();
        this.createdAt = createdAt;
    }

    byte[] png() {
        return png.clone();
    }

    record Key(String contentHash, int size) implements Serializable {
        Key() {
            this(null, 0);
        }
    }
}
