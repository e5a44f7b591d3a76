package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What a client sends to open a point account; the points may come as a numeric string. */
record OpenAccount(
        @NotBlank @Size(max = 100) String userId,
        @NotNull @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4) BigDecimal point) {
}
