package dev.aitrainingdirectory.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One API key of a partner, kept as its SHA-256 digest; the key itself was shown once, when it was issued. */
@Entity
@Table(name = "partner_key")
public class PartnerKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_key_seq")
    @SequenceGenerator(name = "partner_key_seq", sequenceName = "partner_key_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id", nullable = false)
    public Partner partner;

    /** The key's SHA-256 digest in hex, as configured keys are. */
    @Column(nullable = false, length = 64)
    public String digest;

    /** The key's first characters: enough to tell two keys apart, far too few to use one. */
    @Column(nullable = false, length = 32)
    public String hint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Written by the key lookup, to within its precision; null until first used. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
