package io.deadlinesaga.load;

import java.util.function.Function;

/** A whole number typed on a command line, checked against its range, one wording for every command's refusal. */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /**
     * @param name the option, as the user typed it ({@code --orders})
     * @param refusal makes the command's own exception from the message
     */
    public static int parse(String name, String value, int min, int max,
            Function<String, ? extends IllegalArgumentException> refusal) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException notANumber) {
            // refused below, with the offending text
        }
        throw refusal.apply(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
