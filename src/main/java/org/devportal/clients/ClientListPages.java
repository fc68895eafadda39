package org.devportal.clients;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * A page of a team's client list in one statement, a deferred join: the derived table picks the page's ids from an
 * index on (team, deleted, updated_at or name, id) without reading a row, however deep the offset (the search is
 * checked on the same index's name column); only those rows are then read, with their scopes. Two statements
 * (ids, then rows) cost a second round trip per page, and the grid asks for a page on every scroll.
 */
@Component
class ClientListPages {

    /** The sortable properties and their columns: the order can only be one the indexes hold. */
    private static final Map<String, String> COLUMNS = Map.of("updatedAt", "updated_at", "name", "name", "id", "id");

    private final EntityManager entityManager;

    ClientListPages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The rows from {@code offset} on, at most {@code limit}, in the sort's order; {@code pattern} is a LIKE pattern
     * with {@code !} as its escape, or null for every live client. The sort must be total (end with the id).
     */
    List<ClientSummary> page(UUID teamId, String pattern, Sort sort, long offset, int limit) {
        String inner = "select id from oauth_client where team_id = :team and deleted_at is null"
                + (pattern == null ? "" : " and lower(name) like lower(:pattern) escape '!'")
                + " order by " + order(sort, "")
                + " limit :limit offset :offset";
        NativeQuery<?> query = entityManager
                .unwrap(org.hibernate.Session.class)
                .createNativeQuery("select c.id, c.name, c.logo_hash, c.client_type, c.status,"
                        + " c.updated_at, c.updated_by, s.scope_name from (" + inner + ") p"
                        + " join oauth_client c on c.id = p.id"
                        + " left join oauth_client_scope s on s.client_id = c.id"
                        + " order by " + order(sort, "c.") + ", s.scope_name");
        // Typed as the entity maps them, so that the timestamp is read in UTC as the entity's is.
        query.addScalar("id", UUID.class)
                .addScalar("name", String.class)
                .addScalar("logo_hash", String.class)
                .addScalar("client_type", String.class)
                .addScalar("status", String.class)
                .addScalar("updated_at", Instant.class)
                .addScalar("updated_by", String.class)
                .addScalar("scope_name", String.class);
        query.setParameter("team", teamId.toString());
        if (pattern != null) {
            query.setParameter("pattern", pattern);
        }
        query.setParameter("limit", limit);
        query.setParameter("offset", offset);
        Map<UUID, ClientSummary> rows = new LinkedHashMap<>();
        Map<UUID, TreeSet<String>> scopes = new LinkedHashMap<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            UUID id = (UUID) row[0];
            rows.computeIfAbsent(
                    id,
                    key -> new ClientSummary(
                            key,
                            (String) row[1],
                            (String) row[2],
                            ClientType.valueOf((String) row[3]),
                            List.of(),
                            ClientStatus.valueOf((String) row[4]),
                            (Instant) row[5],
                            (String) row[6]));
            TreeSet<String> own = scopes.computeIfAbsent(id, key -> new TreeSet<>());
            if (row[7] != null) {
                own.add((String) row[7]);
            }
        }
        List<ClientSummary> result = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> result.add(row.withScopes(List.copyOf(scopes.get(id)))));
        return result;
    }

    private static String order(Sort sort, String alias) {
        return sort.stream()
                .map(order -> {
                    String column = COLUMNS.get(order.getProperty());
                    if (column == null) {
                        throw new IllegalArgumentException(
                                "The client list cannot be sorted by " + order.getProperty());
                    }
                    return alias + column + (order.isAscending() ? " asc" : " desc");
                })
                .collect(Collectors.joining(", "));
    }
}
