package dev.aitrainingdirectory.eligibility;


/**
 * SQL conditions over eligibility rules, for the platform list (on a platform's own rules).
 * {@code column} names the column holding the eligibility id, such as {@code p.eligibility_id};
 * {@code worldwide} is a condition that holds when those rules list no country ({@link #listsNoCountry}).
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
}
