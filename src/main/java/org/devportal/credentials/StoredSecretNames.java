package org.devportal.credentials;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.devportal.base.SecretNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Names secrets as the credentials tab shows them ({@link SecretView#name()}), for the history. */
@Component
class StoredSecretNames implements SecretNames {

    private final JdbcClient jdbc;

    StoredSecretNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> of(Collection<UUID> secretIds) {
        Map<UUID, String> names = new HashMap<>();
        if (secretIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, display_hint, label from client_secret where id in (:ids)")
                .param("ids", secretIds.stream().map(UUID::toString).toList())
                .query((rs, row) -> Map.entry(
                        UUID.fromString(rs.getString("id")),
                        SecretView.name(rs.getString("display_hint"), rs.getString("label"))))
                .list()
                .forEach(name -> names.put(name.getKey(), name.getValue()));
        return names;
    }
}
