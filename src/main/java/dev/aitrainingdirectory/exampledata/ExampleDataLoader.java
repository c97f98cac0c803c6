package dev.aitrainingdirectory.exampledata;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.exchangerate.ExchangeRateService;
import dev.aitrainingdirectory.listing.ListingService;
import dev.aitrainingdirectory.paytier.PayTierService;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.platform.PlatformService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * Fills a fresh database with the example directory, once. A marker row records that it was
 * loaded, so a restart never loads it again, even after curators have deleted every example. A
 * database that already holds pay tiers or platforms (filled while example data was off) is not
 * fresh: it gets the marker and no examples, rather than a failed start on a slug already taken.
 */
@ApplicationScoped
public class ExampleDataLoader {

    static final String MARKER = "example-data-loaded";
    private static final String RESOURCE = "/example-data.json";
    private static final Logger LOG = Logger.getLogger(ExampleDataLoader.class);

    @Inject
    DirectoryConfig config;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    ExchangeRateService exchangeRates;
    @Inject
    PayTierService payTiers;
    @Inject
    PlatformService platforms;
    @Inject
    ListingService listings;
    @Inject
    CuratedWrites writes;

    void onStart(@Observes StartupEvent event) {
        if (!config.exampleData()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::loadUnlessLoadedBefore);
        } catch (PersistenceException raced) {
            // Another instance sharing the database inserted the marker first and loads the data itself.
            LOG.infof("Example data is being loaded by another instance (%s)", raced.getMessage());
        }
    }

    private void loadUnlessLoadedBefore() {
        long loaded = ((Number) entityManager.createNativeQuery("select count(*) from directory_setting where name = :name")
                .setParameter("name", MARKER).getSingleResult()).longValue();
        if (loaded > 0) {
            return;
        }
        // The marker goes in first: a second instance starting at the same time blocks on it and then fails.
        entityManager.createNativeQuery("insert into directory_setting (name, setting_value, created_at) values (:name, 'true', :now)")
                .setParameter("name", MARKER).setParameter("now", TimestampedEntity.now()).executeUpdate();
        long existing = ((Number) entityManager.createNativeQuery(
                "select (select count(*) from pay_tier) + (select count(*) from platform)").getSingleResult()).longValue();
        if (existing > 0) {
            LOG.infof("The database already holds pay tiers or platforms; the example data is not loaded");
            return;
        }
        ExampleData data = read();
        data.exchangeRates().forEach(rate -> writes.put(exchangeRates, rate.currency(), null, rate));
        data.payTiers().forEach(tier -> writes.create(payTiers, tier));
        data.platforms().forEach(platform -> writes.create(platforms, platform));
        listings.importListings(data.listings());
        LOG.infof("Loaded the example data: %d exchange rates, %d pay tiers, %d platforms, %d listings",
                data.exchangeRates().size(), data.payTiers().size(), data.platforms().size(), data.listings().size());
    }

    private ExampleData read() {
        try (InputStream json = ExampleDataLoader.class.getResourceAsStream(RESOURCE)) {
            return objectMapper.readValue(json, ExampleData.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The bundled example data cannot be read", unreadable);
        }
    }
}
