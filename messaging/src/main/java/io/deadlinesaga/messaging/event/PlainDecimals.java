package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes decimals as plain numbers without trailing zeros: a balance stored with four decimals goes out as
 * {@code 9500}, not {@code 9500.0000} nor {@code 9.5E+3}. The value is exactly the same.
 */
public final class PlainDecimals extends SimpleModule {

    public PlainDecimals() {
        super("plain-decimals");
        addSerializer(BigDecimal.class, new ValueSerializer<BigDecimal>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
                BigDecimal stripped = value.stripTrailingZeros();
                generator.writeNumber(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
            }
        });
    }
}
