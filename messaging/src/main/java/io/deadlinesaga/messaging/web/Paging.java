package io.deadlinesaga.messaging.web;

/**
 * The paging rule of every list endpoint: {@code ?page} counts from 0 (default 0) and {@code ?size} is 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}); the newest rows come first. A value that is not a whole
 * number, or out of range, is a 400 problem naming the parameter, never a silent default: a client that asked for
 * something else would otherwise read a page it did not ask for.
 *
 * @param page the page, from 0
 * @param size rows per page
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Paging {
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("size must be a whole number from 1 to " + MAX_SIZE + ", not " + size);
        }
        // the rows skipped must fit an int: no table here comes near that, so a larger offset is a mistake
        int lastPage = Integer.MAX_VALUE / size;
        if (page < 0 || page > lastPage) {
            throw ApiProblem.badRequest("page must be a whole number from 0 to " + lastPage + " (for size " + size
                    + "), not " + page);
        }
    }

    /**
     * The paging a request asked for.
     *
     * @param page the {@code page} parameter as sent, or null when absent
     * @param size the {@code size} parameter as sent, or null when absent
     */
    public static Paging of(String page, String size) {
        int rows = parse("size", size, DEFAULT_SIZE, "from 1 to " + MAX_SIZE);
        return new Paging(parse("page", page, 0, "from 0"), rows);
    }

    /**
     * The rows skipped before this page: the value of SQL's {@code OFFSET}, as {@link #size()} is its
     * {@code LIMIT}.
     */
    public long offset() {
        return (long) page * size;
    }

    private static int parse(String name, String value, int absent, String range) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException notAWholeNumber) {
            throw ApiProblem.badRequest(name + " must be a whole number " + range + ", not '" + value + "'");
        }
    }
}
