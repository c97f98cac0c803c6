package dev.aitrainingdirectory.partner;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A partner site with an account: it holds API keys and owns webhooks. */
@Entity
@Table(name = "partner")
public class Partner extends TimestampedEntity {

    /** Two keys at a time: the one in use and its successor during a rotation. */
    public static final int MAX_KEYS = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_seq")
    @SequenceGenerator(name = "partner_seq", sequenceName = "partner_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "contact_email", nullable = false, length = 254)
    public String contactEmail;

    @OneToMany(mappedBy = "partner", cascade = CascadeType.REMOVE)
    @OrderBy("createdAt, id")
    public List<PartnerKey> keys = new ArrayList<>();
}
