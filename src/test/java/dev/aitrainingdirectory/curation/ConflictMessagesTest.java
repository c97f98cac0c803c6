package dev.aitrainingdirectory.curation;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aitrainingdirectory.paytier.PayRange;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.paytier.PayTierRequest;
import dev.aitrainingdirectory.paytier.PayTierService;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
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

    /** The resource as its checks would see it just before a concurrent write commits: no key taken, nothing referring. */
    @SuppressWarnings("unchecked")
    private static <K, E extends TimestampedEntity, B> Curated<K, E, B> blind(Curated<K, E, B> resource) {
        return (Curated<K, E, B>) Proxy.newProxyInstance(Curated.class.getClassLoader(), new Class<?>[] {Curated.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "keyTaken" -> false;
                    case "definition" -> {
                        Curated.Definition<K, E, B> real = resource.definition();
                        yield new Curated.Definition<>(real.noun(), real.keyName(), real.bodyType(), real.find(), real.entityKey(),
                                real.bodyKey(), real.bodyOf(), real.newEntity(), real.references().stream()
                                .map(reference -> new Curated.Reference(reference.one(), reference.many(),
                                        "select count(*) from pay_tier where 1 = 0 and slug = :key"))
                                .toList());
                    }
                    default -> {
                        try {
                            yield method.invoke(resource, arguments);
                        } catch (InvocationTargetException failed) {
                            throw failed.getCause();
                        }
                    }
                });
    }
}
