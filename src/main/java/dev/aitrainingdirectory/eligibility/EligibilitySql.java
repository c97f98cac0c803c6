package dev.aitrainingdirectory.eligibility;

import dev.aitrainingdirectory.persistence.SqlFilter;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL conditions and counts over eligibility rules, shared by the listing search (on a listing's
 * effective rules) and the platform list (on a platform's own rules). {@code column} names the
 * column holding the eligibility id, such as {@code l.effective_eligibility_id}; {@code worldwide} is a
 * condition that holds when those rules list no country: a stored flag where the table keeps one
 * (listings: {@code l.worldwide}, read without a lookup per row), else {@link #listsNoCountry}.
 */
public final class EligibilitySql {

    private EligibilitySql() {
    }

    /** A contributor living in the country bound to {@code :parameter} qualifies. */
    public static String allowsCountry(String column, String worldwide, String parameter) {
        return "not exists (select 1 from eligibility_excluded_country ex where ex.eligibility_id = " + column
                + " and ex.code = :" + parameter + ")"
                + " and (" + worldwide + " or exists (select 1 from eligibility_country ec where ec.eligibility_id = "
                + column + " and ec.code = :" + parameter + "))";
    }

    /** The rules in {@code column} list no country: anyone may apply, wherever they live, unless excluded. */
    public static String listsNoCountry(String column) {
        return "not exists (select 1 from eligibility_country ww where ww.eligibility_id = " + column + ")";
    }

    /** Every language required is among those bound to {@code :parameter}. */
    public static String requiresOnlyLanguagesIn(String column, String parameter) {
        return "not exists (select 1 from eligibility_language el where el.eligibility_id = " + column
                + " and el.code not in (:" + parameter + "))";
    }

    /** Every credential required is among those bound to {@code :parameter}. */
    public static String requiresOnlyCredentialsIn(String column, String parameter) {
        return "not exists (select 1 from eligibility_credential cr where cr.eligibility_id = " + column
                + " and cr.code not in (:" + parameter + "))";
    }

    /** At least one of the languages bound to {@code :parameter} is required. */
    public static String requiresAnyLanguageOf(String column, String parameter) {
        return "exists (select 1 from eligibility_language el where el.eligibility_id = " + column
                + " and el.code in (:" + parameter + "))";
    }

    /** How many rows name a code, and across how many distinct groups (such as platforms). */
    public record CodeCount(long count, long groups) {
    }

    /**
     * For every country, how many rows of {@code table} matching {@code filter} a contributor living
     * there qualifies for, and in how many groups, with no query per country: the count for country c
     * is (worldwide rows) - (worldwide rows excluding c) + (rows allowing c and not excluding it).
     */
    public static Map<String, CodeCount> countCountries(EntityManager entityManager, String table, SqlFilter filter,
            String column, String worldwide, String groupColumn) {
        Map<Long, Long> worldwideByGroup = new HashMap<>();
        for (Object[] row : rows(entityManager, "select " + groupColumn + ", count(*) from " + table
                + filter.whereAlso(worldwide) + " group by " + groupColumn, filter)) {
            worldwideByGroup.put(number(row[0]), number(row[1]));
        }
        Map<String, Map<Long, Long>> byCountry = new HashMap<>();
        for (String code : IsoCodes.countries().keySet()) {
            byCountry.put(code, new HashMap<>(worldwideByGroup));
        }
        for (Object[] row : rows(entityManager, "select " + groupColumn + ", ex.code, count(*) from " + table
                + " join eligibility_excluded_country ex on ex.eligibility_id = " + column
                + filter.whereAlso(worldwide) + " group by " + groupColumn + ", ex.code", filter)) {
            byCountry.computeIfAbsent((String) row[1], code -> new HashMap<>(worldwideByGroup))
                    .merge(number(row[0]), -number(row[2]), Long::sum);
        }
        // Rows listing the country and not excluding it. "Not worldwide" is implied by the join, but said,
        // it lets PostgreSQL estimate the rows well enough to hash-join instead of probing per row (3x faster
        // at 100k listings).
        for (Object[] row : rows(entityManager, "select " + groupColumn + ", ec.code, count(*) from " + table
                + " join eligibility_country ec on ec.eligibility_id = " + column
                + " left join eligibility_excluded_country ex on ex.eligibility_id = " + column + " and ex.code = ec.code"
                + filter.whereAlso("not (" + worldwide + ") and ex.code is null")
                + " group by " + groupColumn + ", ec.code", filter)) {
            byCountry.computeIfAbsent((String) row[1], code -> new HashMap<>(worldwideByGroup))
                    .merge(number(row[0]), number(row[2]), Long::sum);
        }
        Map<String, CodeCount> counts = new HashMap<>();
        byCountry.forEach((code, byGroup) -> counts.put(code, total(byGroup)));
        return counts;
    }

    /** For every language, how many rows of {@code table} matching {@code filter} require it, and in how many groups. */
    public static Map<String, CodeCount> countLanguages(EntityManager entityManager, String table, SqlFilter filter,
            String column, String groupColumn) {
        Map<String, Map<Long, Long>> byLanguage = new HashMap<>();
        for (Object[] row : rows(entityManager, "select " + groupColumn + ", el.code, count(*) from " + table
                + " join eligibility_language el on el.eligibility_id = " + column + filter.where()
                + " group by " + groupColumn + ", el.code", filter)) {
            byLanguage.computeIfAbsent((String) row[1], code -> new HashMap<>()).merge(number(row[0]), number(row[2]), Long::sum);
        }
        Map<String, CodeCount> counts = new HashMap<>();
        byLanguage.forEach((code, byGroup) -> counts.put(code, total(byGroup)));
        return counts;
    }

    private static CodeCount total(Map<Long, Long> byGroup) {
        long count = 0;
        Set<Long> groups = new HashSet<>();
        for (Map.Entry<Long, Long> entry : byGroup.entrySet()) {
            if (entry.getValue() > 0) {
                count += entry.getValue();
                groups.add(entry.getKey());
            }
        }
        return new CodeCount(count, groups.size());
    }

    private static List<Object[]> rows(EntityManager entityManager, String sql, SqlFilter filter) {
        return filter.rows(entityManager, sql);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
