package org.devportal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

class HistoryTabViewIT extends ViewTest {

    private static final int EVENTS = 130;

    @Autowired
    HistoryTab tab;

    @Autowired
    AuditLog audit;

    @Autowired
    ClientService clients;

    @Autowired
    ApplicationEventPublisher events;

    private ClientDetails client;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));

    @BeforeEach
    void aClientWithALongHistory() {
        var team = signInWithANewTeam("history-" + UUID.randomUUID() + "@example.com", "History", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.PUBLIC, "Chatty", "https://chatty.example.com/cb");
        for (int i = 0; i < EVENTS; i++) {
            events.publishEvent(new Happened(client, "Edit " + i, start.plusSeconds(i), null));
        }
        // Three refusals in one hour, between events 9 and 10: one counted entry.
        for (int i = 0; i < 3; i++) {
            events.publishEvent(new Happened(
                    client, "Request refused", start.plusSeconds(9).plusMillis(100 + i), Duration.ofHours(1)));
        }
        audit.flushCounts();
    }

    @Test
    void the_history_grid_pages_through_more_entries_than_a_page_newest_first() {
        Grid<HistoryEntry> grid = grid();
        // The events, the counted refusals, and the client's registration, which happened last (just now).
        int total = EVENTS + 1 + 1;

        assertThat(GridKt._size(grid)).isEqualTo(total);
        assertThat(grid.getPageSize()).isEqualTo(HistoryTab.PAGE_SIZE).isLessThan(total);
        assertThat(GridKt._get(grid, 0).action()).as("registered just now").isEqualTo("Registered");
        assertThat(GridKt._get(grid, 1).action()).isEqualTo("Edit " + (EVENTS - 1));
        assertThat(GridKt._get(grid, 60).action()).isEqualTo("Edit " + (EVENTS - 60));
        assertThat(GridKt._get(grid, EVENTS - 9).action()).isEqualTo("Request refused");
        assertThat(GridKt._getFormatted(grid.getColumnByKey("what"), GridKt._get(grid, EVENTS - 9)))
                .isEqualTo("Request refused ×3");
        assertThat(GridKt._get(grid, EVENTS - 8).action()).isEqualTo("Edit 9");
        assertThat(GridKt._get(grid, total - 1).action()).isEqualTo("Edit 0");
    }

    @Test
    void a_logo_change_shows_in_the_history_as_the_old_and_the_new_thumbnail() {
        String before = "b".repeat(64);
        String after = "c".repeat(64);
        // Newer than everything else, so it is the first row.
        events.publishEvent(new LogoChanged(client, before, after, Instant.now().plusSeconds(60)));
        Grid<HistoryEntry> grid = grid();

        com.vaadin.flow.component.Component cell = GridKt._getCellComponent(grid, 0, "changes");

        assertThat(cell.getElement().getTextRecursively()).doesNotContain(before);
        assertThat(descendants(cell)
                        .filter(com.vaadin.flow.component.html.Image.class::isInstance)
                        .map(image -> ((com.vaadin.flow.component.html.Image) image).getSrc()))
                .containsExactly("/logos/" + before + "-64.png", "/logos/" + after + "-64.png");
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component root) {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(root), root.getChildren().flatMap(HistoryTabViewIT::descendants));
    }

    private record LogoChanged(ClientDetails client, String before, String after, Instant at) implements Audited {

        @Override
        public UUID clientId() {
            return client.id();
        }

        @Override
        public UUID teamId() {
            return client.teamId();
        }

        @Override
        public String auditAction() {
            return "Edited";
        }

        @Override
        public String actorSubject() {
            return "test";
        }

        @Override
        public String actorName() {
            return "Test";
        }

        @Override
        public List<FieldChange> auditChanges() {
            return List.of(new FieldChange("Logo", before, after));
        }
    }

    @Test
    void the_service_returns_one_page_and_the_total() {
        Page<HistoryEntry> third = audit.historyOf(client.id(), PageRequest.of(2, 50));

        assertThat(third.getTotalElements()).isEqualTo(EVENTS + 2);
        assertThat(third.getContent()).hasSize(EVENTS + 2 - 100);
        assertThat(third.getContent().getFirst().action()).isEqualTo("Edit 30");
        assertThat(audit.historySize(client.id())).isEqualTo(EVENTS + 2);
    }

    @SuppressWarnings("unchecked")
    private Grid<HistoryEntry> grid() {
        Grid<HistoryEntry> grid = (Grid<HistoryEntry>) tab.create(client.id());
        ui().add(grid);
        return grid;
    }

    private record Happened(ClientDetails client, String action, Instant at, Duration window) implements Audited {

        @Override
        public UUID clientId() {
            return client.id();
        }

        @Override
        public UUID teamId() {
            return client.teamId();
        }

        @Override
        public String auditAction() {
            return action;
        }

        @Override
        public String actorSubject() {
            return "test";
        }

        @Override
        public String actorName() {
            return "Test";
        }

        @Override
        public List<FieldChange> auditChanges() {
            return List.of(new FieldChange("Note", null, action));
        }

        @Override
        public Optional<Duration> aggregationWindow() {
            return Optional.ofNullable(window);
        }
    }
}
