package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sort is total: paging through a result set returns each listing exactly once, in order. */
@QuarkusTest
class ListingSortTest {

    @Inject
    DirectoryFixture fixture;

    private String platform;
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void buildDatasetFullOfTies() {
        platform = fixture.platform(worldwide());
        String[] titles = {"beta", "Alpha", "alpha", "Gamma", "beta"};
        for (int index = 0; index < 17; index++) {
            DirectoryFixture.ListingBuilder listing = fixture.listing(platform)
                    .title(titles[index % titles.length])
                    .postedAt(index % 3 == 0 ? "2026-11-01T00:00:00Z" : "2026-11-0" + (1 + index % 4) + "T12:00:00Z");
            if (index % 4 != 0) {
                listing.hourly(20, 20 + 10 * (index % 3));
            }
            created.add(listing.create());
        }
    }

    @ParameterizedTest(name = "sort={0}")
    @ValueSource(strings = {"-postedAt", "postedAt", "-pay", "pay", "title", "-updatedAt"})
    void pagingThroughEverySortReturnsEachListingOnceInOrder(String sort) {
        List<Map<String, Object>> seen = new ArrayList<>();
        int totalPages = Integer.MAX_VALUE;
        for (int page = 0; page < totalPages; page++) {
            JsonPath body = Api.ok("/api/listings", Map.of("platform", platform, "sort", sort, "size", 4, "page", page))
                    .extract().jsonPath();
            totalPages = body.getInt("totalPages");
            assertThat(body.getLong("totalItems")).isEqualTo(17);
            seen.addAll(body.getList("items"));
        }
        List<Long> ids = seen.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(new HashSet<>(ids)).hasSize(17);
        for (int index = 1; index < seen.size(); index++) {
            assertThat(compare(sort, seen.get(index - 1), seen.get(index)))
                    .as("%s before %s", seen.get(index - 1), seen.get(index)).isNegative();
        }
    }

    /** The order the API promises: the sort key, then the id, ascending. */
    private static int compare(String sort, Map<String, Object> first, Map<String, Object> second) {
        int byKey = switch (sort) {
            case "-postedAt" -> instant(second, "postedAt").compareTo(instant(first, "postedAt"));
            case "postedAt" -> instant(first, "postedAt").compareTo(instant(second, "postedAt"));
            case "-pay" -> Double.compare(payMax(second, Double.NEGATIVE_INFINITY), payMax(first, Double.NEGATIVE_INFINITY));
            case "pay" -> Double.compare(payMax(first, Double.POSITIVE_INFINITY), payMax(second, Double.POSITIVE_INFINITY));
            case "title" -> ((String) first.get("title")).toLowerCase().compareTo(((String) second.get("title")).toLowerCase());
            case "-updatedAt" -> instant(second, "updatedAt").compareTo(instant(first, "updatedAt"));
            default -> throw new IllegalArgumentException(sort);
        };
        return byKey != 0 ? byKey : Long.compare(((Number) first.get("id")).longValue(), ((Number) second.get("id")).longValue());
    }

    private static Instant instant(Map<String, Object> listing, String field) {
        return Instant.parse((String) listing.get(field));
    }

    /** Hourly pay.max, or {@code missing} for a listing without hourly pay (sorted last either way). */
    @SuppressWarnings("unchecked")
    private static double payMax(Map<String, Object> listing, double missing) {
        Map<String, Object> pay = (Map<String, Object>) listing.get("pay");
        return pay == null ? missing : ((Number) pay.get("max")).doubleValue();
    }
}
