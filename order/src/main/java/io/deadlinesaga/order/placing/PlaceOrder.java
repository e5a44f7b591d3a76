package io.deadlinesaga.order.placing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client sends to place an order; numbers may come as numeric strings, as httpie sends them. */
public record PlaceOrder(
        @NotBlank @Size(max = 100) String holderId,
        @NotNull @Positive Long currencyId,
        @NotNull @Positive @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal amount) {
}
