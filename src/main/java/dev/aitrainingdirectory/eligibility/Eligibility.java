package dev.aitrainingdirectory.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do the work: allowed and excluded countries, required languages and credentials. A
 * platform has one, a listing has its own, and each listing also keeps its effective rules (its
 * platform's AND its own), which the search queries.
 */
@Entity
@Table(name = "eligibility")
public class Eligibility extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eligibility_seq")
    @SequenceGenerator(name = "eligibility_seq", sequenceName = "eligibility_seq", allocationSize = 50)
    public Long id;

    /** Countries a contributor may live in; empty means worldwide. */
    @ElementCollection
    @CollectionTable(name = "eligibility_country", joinColumns = @JoinColumn(name = "eligibility_id"))
    @Column(name = "code", length = 2, nullable = false)
    public Set<String> countries = new TreeSet<>();

    /** Countries excluded whatever {@link #countries} says. */
    @ElementCollection
    @CollectionTable(name = "eligibility_excluded_country", joinColumns = @JoinColumn(name = "eligibility_id"))
    @Column(name = "code", length = 2, nullable = false)
    public Set<String> excludedCountries = new TreeSet<>();

    /** Languages a contributor must speak, all of them. */
    @ElementCollection
    @CollectionTable(name = "eligibility_language", joinColumns = @JoinColumn(name = "eligibility_id"))
    @Column(name = "code", length = 2, nullable = false)
    public Set<String> languages = new TreeSet<>();

    /** Credentials a contributor must hold, all of them. */
    @ElementCollection
    @CollectionTable(name = "eligibility_credential", joinColumns = @JoinColumn(name = "eligibility_id"))
    @Column(name = "code", length = 64, nullable = false)
    public Set<String> credentials = new TreeSet<>();

    /** A new, unsaved eligibility holding the given rules. */
    public static Eligibility of(EligibilityRules rules) {
        Eligibility eligibility = new Eligibility();
        eligibility.replaceWith(rules);
        return eligibility;
    }

    /** Replaces every rule with those given, keeping this row. */
    public void replaceWith(EligibilityRules rules) {
        EligibilityRules given = rules == null ? EligibilityRules.NONE : rules;
        replace(countries, given.countries());
        replace(excludedCountries, given.excludedCountries());
        replace(languages, given.languages());
        replace(credentials, given.credentials());
    }

    /** The rules as the API shows them. */
    public EligibilityRules toRules() {
        return new EligibilityRules(
                countries.stream().sorted().toList(),
                excludedCountries.stream().sorted().toList(),
                languages.stream().sorted().toList(),
                credentials.stream().sorted().toList());
    }

    private static void replace(Set<String> target, java.util.Collection<String> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }
}
