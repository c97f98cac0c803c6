package dev.aitrainingdirectory.params;

import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.http.StrictJsonModule;
import dev.aitrainingdirectory.paging.PageRequest;
import dev.aitrainingdirectory.persistence.SearchText;
import dev.aitrainingdirectory.persistence.Slugs;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads query parameters the way every collection in the API takes them, collecting every problem
 * before answering, so a client learns of all its mistakes in one 400. Repeatable parameters take
 * repeated values ({@code ?tier=a&tier=b}), comma lists ({@code ?tier=a,b}) or both.
 */
public final class ParameterReader {

    /** At most this many values in one repeatable filter. */
    public static final int MAX_VALUES = 50;
    /** The longest free-text query accepted. */
    public static final int MAX_TEXT_LENGTH = 200;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private final List<FieldError> errors = new ArrayList<>();

    /** Whether {@code value} is a slug: lower-case letters and digits joined by hyphens, at most 64 characters. */
    public static boolean isSlug(String value) {
        return Slugs.isSlug(value);
    }

    /** Throws one 400 naming every problem found so far, if there is any. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** The values of a repeatable parameter, split on commas, blanks dropped, in order and without repeats. */
    public Set<String> values(String name, List<String> raw) {
        Set<String> values = new LinkedHashSet<>();
        if (raw != null) {
            raw.stream().flatMap(value -> Arrays.stream(value.split(",", -1)))
                    .map(String::trim)
                    .filter(value -> !value.isEmpty())
                    .forEach(values::add);
        }
        if (values.size() > MAX_VALUES) {
            reject(name, "takes at most " + MAX_VALUES + " values");
            return Set.of();
        }
        return values;
    }

    /** The one value of a single-valued parameter, or null when absent. */
    public String single(String name, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > 1) {
            reject(name, "takes one value, not " + raw.size());
            return null;
        }
        String value = raw.get(0).trim();
        if (value.isEmpty()) {
            reject(name, "must not be empty");
            return null;
        }
        return value;
    }

    public <E extends Enum<E>> Set<E> enums(String name, List<String> raw, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String value : values(name, raw)) {
            try {
                values.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException unknown) {
                reject(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }

    public Set<String> countries(String name, List<String> raw) {
        return checked(name, values(name, raw), IsoCodes::countryProblem);
    }

    public Set<String> languages(String name, List<String> raw) {
        return checked(name, values(name, raw), IsoCodes::languageProblem);
    }

    /** Slugs of credentials, platforms or tiers: lower-case words joined by hyphens. */
    public Set<String> slugs(String name, List<String> raw) {
        return checked(name, values(name, raw),
                value -> isSlug(value) ? null
                        : "'" + value + "' is not a slug (lower-case letters and digits joined by hyphens, at most 64)");
    }

    public String country(String name, List<String> raw) {
        String value = single(name, raw);
        return value == null ? null : checked(name, Set.of(value), IsoCodes::countryProblem).stream().findFirst().orElse(null);
    }

    /** The words of a free-text query, lower-cased the same way the stored search text is. */
    public List<String> words(String name, List<String> raw) {
        String value = single(name, raw);
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            reject(name, "must be at most " + MAX_TEXT_LENGTH + " characters long");
            return List.of();
        }
        return Arrays.stream(SearchText.fold(value).split("\\s+"))
                .filter(word -> !word.isEmpty())
                .distinct()
                .toList();
    }

    /** Free text as given (at most {@link #MAX_TEXT_LENGTH} characters), or null when absent or blank. */
    public String text(String name, List<String> raw) {
        String value = single(name, raw);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            reject(name, "must be at most " + MAX_TEXT_LENGTH + " characters long");
            return null;
        }
        return value;
    }

    public BigDecimal amount(String name, List<String> raw) {
        String value = single(name, raw);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                reject(name, "must be between 0 and 100000");
                return null;
            }
            return amount;
        } catch (NumberFormatException notANumber) {
            reject(name, "'" + value + "' is not a number, such as 25 or 22.50");
            return null;
        }
    }

    public Boolean bool(String name, List<String> raw) {
        String value = single(name, raw);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                reject(name, "must be true or false");
                yield null;
            }
        };
    }

    /** An ISO-8601 timestamp with an offset, such as 2026-11-27T10:15:30Z. */
    public Instant instant(String name, List<String> raw) {
        String value = single(name, raw);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (!StrictJsonModule.withinFourDigitYears(instant)) {
                reject(name, "must have a year from 0001 to 9999");
                return null;
            }
            return instant;
        } catch (DateTimeParseException unparsable) {
            reject(name, "'" + value + "' is not an ISO-8601 timestamp with an offset, such as 2026-11-27T10:15:30Z");
            return null;
        }
    }

    public PageRequest pageRequest(List<String> page, List<String> size) {
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE / PageRequest.MAX_SIZE);
        int pageSize = integer("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
        if ((long) (pageNumber + 1) * pageSize > PageRequest.MAX_DEPTH) {
            reject("page", "pages past the first " + PageRequest.MAX_DEPTH + " results are not served; narrow the filters,"
                    + " or follow /api/listings/changes to copy everything");
        }
        return new PageRequest(pageNumber, pageSize);
    }

    /** One of a fixed set of sort orders, named as the API names them. */
    public <S> S sort(List<String> raw, Map<String, S> orders, S byDefault) {
        String value = single("sort", raw);
        if (value == null) {
            return byDefault;
        }
        S order = orders.get(value);
        if (order == null) {
            reject("sort", "'" + value + "' is not one of " + String.join(", ", orders.keySet()));
            return byDefault;
        }
        return order;
    }

    /** The facets asked for, each one of {@code known}. */
    public Set<String> facets(List<String> raw, Set<String> known) {
        Set<String> asked = new LinkedHashSet<>(values("facets", raw));
        String unknown = asked.stream().filter(facet -> !known.contains(facet)).collect(Collectors.joining(", "));
        if (!unknown.isEmpty()) {
            reject("facets", "'" + unknown + "' is not one of " + String.join(", ", known));
        }
        asked.retainAll(known);
        return asked;
    }

    /** A whole number between {@code min} and {@code max}, or null when absent (or invalid, which is rejected). */
    public Integer optionalInteger(String name, List<String> raw, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        int before = errors.size();
        int number = integer(name, raw, min, min, max);
        return errors.size() == before ? number : null;
    }

    /** A whole number between {@code min} and {@code max}, or {@code byDefault} when absent. */
    public int integer(String name, List<String> raw, int byDefault, int min, int max) {
        String value = single(name, raw);
        if (value == null) {
            return byDefault;
        }
        if (!INTEGER.matcher(value).matches()) {
            reject(name, "'" + value + "' is not a whole number between " + min + " and " + max);
            return byDefault;
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            reject(name, "must be between " + min + " and " + max + ", not " + number);
            return byDefault;
        }
        return number;
    }

    private Set<String> checked(String name, Set<String> values, Function<String, String> problemOf) {
        Set<String> valid = new LinkedHashSet<>();
        for (String value : values) {
            String problem = problemOf.apply(value);
            if (problem == null) {
                valid.add(value);
            } else {
                reject(name, problem);
            }
        }
        return valid;
    }
}
