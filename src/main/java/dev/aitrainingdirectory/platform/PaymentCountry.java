package dev.aitrainingdirectory.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A row of {@code platform_payment_country}: a payment method offered in one country. */
@Embeddable
public class PaymentCountry {

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, length = 32)
    public PaymentMethod method;

    @Column(name = "country", nullable = false, length = 2)
    public String country;

    protected PaymentCountry() {
    }

    public PaymentCountry(PaymentMethod method, String country) {
        this.method = method;
        this.country = country;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentCountry that && method == that.method && country.equals(that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, country);
    }
}
