package dev.aitrainingdirectory.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The conditions of a native SQL query, AND-ed, with their named parameters. Search queries are
 * native SQL, written in the dialect H2 and PostgreSQL share, so their plans can be read and tuned.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public SqlFilter and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a condition using the parameter {@code :name}, bound to {@code value}. */
    public SqlFilter and(String condition, String name, Object value) {
        conditions.add(condition);
        return bind(name, value);
    }

    /**
     * Requires every word to appear in {@code column}, which holds lower-cased text. LIKE wildcards in a
     * word are escaped, so a user's {@code %} or {@code _} matches itself on both databases.
     */
    public SqlFilter andContainsWords(String column, List<String> words) {
        for (int index = 0; index < words.size(); index++) {
            if (words.get(index).indexOf('\0') >= 0) {
                // No stored text holds NUL (PostgreSQL cannot store it), and PostgreSQL would not take it as a parameter.
                and("1 = 0");
                continue;
            }
            String escaped = words.get(index).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            and(column + " like :word" + index + " escape '\\'", "word" + index, "%" + escaped + "%");
        }
        return this;
    }

    /** Binds a parameter a condition or the surrounding query uses. */
    public SqlFilter bind(String name, Object value) {
        Object previous = parameters.put(name, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalStateException("Parameter :" + name + " bound twice to different values");
        }
        return this;
    }

    /** {@code " where a and b"}, or nothing when there is no condition. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Like {@link #where()}, with one more condition that only this query needs. */
    public String whereAlso(String condition) {
        return conditions.isEmpty() ? " where " + condition : where() + " and " + condition;
    }

    /** A native query of {@code sql} with every parameter it names bound; unused parameters are skipped. */
    public Query createQuery(EntityManager entityManager, String sql) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "(?![A-Za-z0-9_])").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    /** The rows of a native query of {@code sql}, each an array of its columns. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(EntityManager entityManager, String sql) {
        return createQuery(entityManager, sql).getResultList();
    }

    /** The single number a native query such as {@code select count(*)} answers. */
    public long number(EntityManager entityManager, String sql) {
        return ((Number) createQuery(entityManager, sql).getSingleResult()).longValue();
    }
}
