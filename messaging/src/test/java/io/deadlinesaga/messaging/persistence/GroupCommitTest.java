package io.deadlinesaga.messaging.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aLoneCommitIsWrittenByAWriteOfItsOwn() {
        AtomicInteger writes = new AtomicInteger();
        GroupCommit group = new GroupCommit(writes::incrementAndGet);

        group.awaitWritten();
        group.awaitWritten();

        assertThat(writes).hasValue(2);
    }

    @Test
    void theCommitsThatComeDuringAWriteShareTheNextOne() throws Exception {
        // given: a write that takes until the test lets it finish
        CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (writes.incrementAndGet() == 1) {
                awaitQuietly(firstWriteMayFinish);
            }
        });
        Future<?> first = threads.submit(group::awaitWritten);
        await().until(() -> writes.get() == 1);

        // when: 10 more commits come while it runs
        List<Future<?>> during = new ArrayList<>();
        for (int commit = 0; commit < 10; commit++) {
            during.add(threads.submit(group::awaitWritten));
        }
        await().until(() -> during.stream().noneMatch(Future::isDone)); // all of them wait
        firstWriteMayFinish.countDown();

        // then: one more write has them all
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> commit : during) {
            commit.get(10, TimeUnit.SECONDS);
        }
        assertThat(writes).hasValue(2);
    }

    @Test
    void noCallerReturnsBeforeAWriteThatBeganAfterItsCommit() throws Exception {
        // given: commits numbered in the order they are made; a write takes every commit made before it begins
        AtomicLong committed = new AtomicLong();
        AtomicLong writtenUpTo = new AtomicLong();
        GroupCommit group = new GroupCommit(() -> {
            long upTo = committed.get();
            Thread.onSpinWait();
            writtenUpTo.accumulateAndGet(upTo, Math::max);
        });

        // when: 16 threads commit and wait, 500 times each
        List<Future<List<Long>>> callers = new ArrayList<>();
        for (int thread = 0; thread < 16; thread++) {
            callers.add(threads.submit(() -> {
                List<Long> unwritten = new ArrayList<>();
                for (int call = 0; call < 500; call++) {
                    long mine = committed.incrementAndGet();
                    group.awaitWritten();
                    if (writtenUpTo.get() < mine) {
                        unwritten.add(mine);
                    }
                }
                return unwritten;
            }));
        }

        // then: each commit was written when its caller returned
        for (Future<List<Long>> caller : callers) {
            assertThat(caller.get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
