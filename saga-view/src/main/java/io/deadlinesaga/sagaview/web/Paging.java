package io.deadlinesaga.sagaview.web;

import io.deadlinesaga.messaging.web.ApiProblem;

/**
 * Which page of a list a request asks for: {@code page} from 0 (default 0) and {@code size} from 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). A value that is not such a number is a 400 naming it.
 *
 * @param page the page, 0 the first
 * @param size how many lines a page has
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    /** From the request's parameters as given, each null when absent. */
    static Paging of(String page, String size) {
        return new Paging(number("page", page, 0, 0, Integer.MAX_VALUE),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static int number(String name, String given, int absent, int min, int max) {
        if (given == null) {
            return absent;
        }
        String range = max == Integer.MAX_VALUE ? "from " + min : "from " + min + " to " + max;
        try {
            int value = Integer.parseInt(given.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException notAWholeNumber) {
            // answered below, as any value out of range
        }
        throw ApiProblem.badRequest(name + " must be a whole number " + range + ", not '" + given + "'");
    }
}
