package dev.aitrainingdirectory.eligibility;

import dev.aitrainingdirectory.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks eligibility rules written by a client: ISO codes, credential slugs, no nulls. */
public final class EligibilityValidation {

    private static final Pattern CREDENTIAL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_RULES = 300;

    private EligibilityValidation() {
    }

    /** Every problem with {@code rules}, each named by its path under {@code prefix} (such as {@code eligibility}). */
    public static List<FieldError> problems(String prefix, EligibilityRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (rules == null) {
            return errors;
        }
        check(errors, prefix + ".countries", rules.countries(), IsoCodes::countryProblem);
        check(errors, prefix + ".excludedCountries", rules.excludedCountries(), IsoCodes::countryProblem);
        check(errors, prefix + ".languages", rules.languages(), IsoCodes::languageProblem);
        check(errors, prefix + ".credentials", rules.credentials(), code -> CREDENTIAL.matcher(code).matches() && code.length() <= 64
                ? null : "'" + code + "' is not a credential slug (lower-case letters and digits joined by hyphens, at most 64)");
        return errors;
    }

    private static void check(List<FieldError> errors, String field, List<String> codes, Function<String, String> problemOf) {
        if (codes.size() > MAX_RULES) {
            errors.add(new FieldError(field, "must have at most " + MAX_RULES + " entries"));
            return;
        }
        for (int index = 0; index < codes.size(); index++) {
            String code = codes.get(index);
            String problem = code == null ? "must not be null" : problemOf.apply(code);
            if (problem != null) {
                errors.add(new FieldError(field + "[" + index + "]", problem));
            }
        }
    }
}
