package io.deadlinesaga.load.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures rounded for the results file and the tables: a rate to 0.1/s says all there is to say. */
final class Decimals {

    private Decimals() {
    }

    static double round(double value, int places) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue() : 0;
    }
}
