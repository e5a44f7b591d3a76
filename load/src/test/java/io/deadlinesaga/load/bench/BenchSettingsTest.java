package io.deadlinesaga.load.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTest {

    private static BenchSettings parse(String coldRate, String rates, String stepSeconds, String pending, String probes) {
        return BenchSettings.parse(coldRate, rates, stepSeconds, pending, probes, false, false);
    }

    private static void assertRefused(String message, String coldRate, String rates, String stepSeconds, String pending,
            String probes) {
        assertThatThrownBy(() -> parse(coldRate, rates, stepSeconds, pending, probes))
                .isInstanceOf(BenchSettings.BadSettingException.class).hasMessage(message);
    }

    @Test
    void readsTheDefaults() {
        // when
        BenchSettings settings = parse("100", "50,100,200,400,800,1600", "30", "100000", "2000");

        // then
        assertThat(settings).isEqualTo(new BenchSettings(100, List.of(50, 100, 200, 400, 800, 1600), 30, 100_000, 2_000,
                true, true));
        assertThat(settings.orders(1600)).isEqualTo(48_000);
    }

    @Test
    void takesSpacesAroundTheRatesAndTheSkips() {
        // when
        BenchSettings settings = BenchSettings.parse(" 50", "50, 100 ", "5", "0", "0", true, true);

        // then
        assertThat(settings.rates()).containsExactly(50, 100);
        assertThat(settings.raw()).isFalse();
        assertThat(settings.deadlines()).isFalse();
    }

    @Test
    void refusesARateThatIsNotAboveZero() {
        assertRefused("--cold-rate must be a whole number from 1 to 100000, not '0'", "0", "50", "30", "0", "0");
        assertRefused("--rates must be a whole number from 1 to 100000, not '-5'", "100", "50,-5", "30", "0", "0");
        assertRefused("--rates must be a whole number from 1 to 100000, not '1.5'", "100", "1.5", "30", "0", "0");
    }

    @Test
    void refusesEmptyRates() {
        assertRefused("--rates must name at least one rate, e.g. 50,100,200", "100", " ", "30", "0", "0");
        assertRefused("--rates must be a whole number from 1 to 100000, not ''", "100", "50,,100", "30", "0", "0");
    }

    @Test
    void refusesStepsShorterThanFiveSeconds() {
        assertRefused("--step-seconds must be a whole number from 5 to 3600, not '4'", "100", "50", "4", "0", "0");
    }

    @Test
    void refusesANegativeNumberOfDeadlines() {
        assertRefused("--pending-deadlines must be a whole number from 0 to 9900000, not '-1'", "100", "50", "30", "-1",
                "0");
        assertRefused("--deadline-probes must be a whole number from 0 to 100000, not 'many'", "100", "50", "30", "0",
                "many");
    }

    @Test
    void refusesAStepOfMoreOrdersThanALoadPlaces() {
        assertRefused("--rates 40000 for 30 s would place 1200000 orders in one step; at most 1000000", "100", "40000",
                "30", "0", "0");
    }
}
