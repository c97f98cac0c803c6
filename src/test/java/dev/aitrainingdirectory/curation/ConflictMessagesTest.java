package dev.aitrainingdirectory.curation;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aitrainingdirectory.paytier.PayRange;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.paytier.PayTierRequest;
import dev.aitrainingdirectory.paytier.PayTierService;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * When a concurrent write gets past a resource's own checks (another request takes the slug, or adds a row
 * that refers, between the check and the flush), the database's constraint refuses it, and the write path
 * says in the resource's words which key was taken or what still refers. The race is made certain here by
 * a resource whose checks see nothing, as they would when the other write commits just after them.
 */
@QuarkusTest
class ConflictMessagesTest {

    @Inject
    CuratedWrites writes;
    @Inject
    PayTierService payTiers;
    @Inject
    DirectoryFixture fixture;

    @Test
    void aSlugTakenPastTheCheckIsA409NamingTheSlugAndLeavesTheFirstTierAlone() {
        String slug = fixture.payTier(20, 30);
        PayTierRequest twin = new PayTierRequest(slug, "Twin", "Created at the same time.",
                new PayRange(new BigDecimal("1.00"), new BigDecimal("2.00"), "USD"));

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> writes.create(blind(payTiers), twin));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.getMessage()).contains("the slug '" + slug + "'").contains("at the same time");
        assertThat(PayTier.findBySlug(slug)).get().extracting(tier -> tier.name).isEqualTo("Test tier");
    }

    @Test
    void aRowStillReferringPastTheCheckIsA409SayingWhatRefersAndTheTierStays() {
        String slug = fixture.payTier(20, 30);
        fixture.listing(fixture.platform(worldwide())).tier(slug).create();

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> writes.delete(blind(payTiers), slug, "*"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.getMessage()).contains("The pay tier '" + slug + "' is still used by listings or platforms");
        assertThat(PayTier.findBySlug(slug)).isPresent();
    }

    /** The tiers as their checks would see them just before a concurrent write commits: no key taken, nothing referring. */
    private static Curated<String, PayTier, PayTierRequest> blind(PayTierService tiers) {
        Curated.Definition<String, PayTier, PayTierRequest> real = tiers.definition();
        List<Curated.Reference> noneSeen = real.references().stream().map(reference -> new Curated.Reference(reference.one(),
                reference.many(), "select count(*) from pay_tier where 1 = 0 and slug = :key")).toList();
        return new Curated<>(new Curated.Definition<>(real.noun(), real.keyName(), real.bodyType(), real.find(),
                real.entityKey(), real.bodyKey(), real.bodyOf(), real.newEntity(), noneSeen)) {
            @Override
            public Consumer<PayTier> check(String slug, PayTierRequest body, PayTier existing, List<FieldError> errors) {
                return tiers.check(slug, body, existing, errors);
            }

            @Override
            public boolean keyTaken(String slug, PayTierRequest body, PayTier existing) {
                return false;
            }
        };
    }
}
