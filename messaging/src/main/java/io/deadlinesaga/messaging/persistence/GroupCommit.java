package io.deadlinesaga.messaging.persistence;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: many commits made durable by one write. A caller whose commit is done in memory calls
 * {@link #awaitWritten}: it draws a number, and returns once a write that began after its number was drawn has
 * finished (a write takes everything committed so far). While one write runs, the callers that come meanwhile
 * wait for the lock; the first of them to get it writes once for all of them, and the others find their number
 * already written and return at once. So under load a write serves as many commits as arrived during the last
 * one, and an idle caller pays one write, as it would without this.
 */
public final class GroupCommit {

    private final Runnable write;
    private final AtomicLong drawn = new AtomicLong();
    private final ReentrantLock writing = new ReentrantLock();
    /** every number up to this one was drawn before a write that has finished; guarded by {@link #writing} */
    private long written;

    /** @param write writes everything committed so far, and returns when it is written */
    public GroupCommit(Runnable write) {
        this.write = write;
    }

    /** Returns once everything committed before the call is written. */
    public void awaitWritten() {
        long number = drawn.incrementAndGet();
        writing.lock();
        try {
            if (written >= number) {
                return; // a write that began after this caller's commit has finished meanwhile
            }
            // every number drawn so far belongs to a commit made before this write begins
            long upTo = drawn.get();
            write.run();
            written = upTo;
        }
        finally {
            writing.unlock();
        }
    }
}
