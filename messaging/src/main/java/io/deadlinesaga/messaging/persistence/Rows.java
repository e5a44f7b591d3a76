package io.deadlinesaga.messaging.persistence;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The rule of every repository's update and delete of one row by its key: a statement that finds no row fails
 * its transaction, as the change it carried would otherwise be lost without a word (rows are locked or never
 * deleted where this is used, so it means a bug or a hand-edited table).
 */
public final class Rows {

    private Rows() {
    }

    /** @param changed the statement's count of rows; {@code row} names the row, for the message */
    public static void requireOne(int changed, String row) {
        if (changed == 0) {
            throw new OptimisticLockingFailureException("no " + row + " to write: the row is gone");
        }
    }
}
