package org.devportal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.FieldChange;
import org.junit.jupiter.api.Test;

class ChangeListTest {

    private static final String OLD = "a".repeat(64);
    private static final String NEW = "0123456789abcdef".repeat(4);

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ChangeListTest::all));
    }

    @Test
    void a_logo_change_shows_the_old_and_the_new_logo_as_thumbnails_not_hashes() {
        Component list = ChangeList.of(new HistoryEntry(
                "Edited", "Ada", Instant.parse("2026-03-01T10:00:00Z"), List.of(new FieldChange("Logo", OLD, NEW))));

        assertThat(all(list).filter(Image.class::isInstance).map(Image.class::cast))
                .extracting(Image::getSrc, image -> image.getAlt().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/logos/" + OLD + "-64.png", "Old logo"),
                        org.assertj.core.groups.Tuple.tuple("/logos/" + NEW + "-64.png", "New logo"));
        assertThat(list.getElement().getTextRecursively()).doesNotContain(OLD).contains("→");
    }

    @Test
    void a_first_logo_shows_none_before_it_and_other_fields_stay_text() {
        Component list = ChangeList.of(new HistoryEntry(
                "Edited",
                "Ada",
                Instant.parse("2026-03-01T10:00:00Z"),
                List.of(new FieldChange("Logo", null, NEW), new FieldChange("Name", "Old", "New"))));

        assertThat(all(list).filter(Image.class::isInstance)).hasSize(1);
        assertThat(list.getElement().getTextRecursively()).contains("(none)").contains("Old → New");
    }
}
