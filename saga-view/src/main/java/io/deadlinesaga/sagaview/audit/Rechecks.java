package io.deadlinesaga.sagaview.audit;

import java.util.List;

import io.deadlinesaga.messaging.support.PeriodicTask;
import io.deadlinesaga.sagaview.timeline.StoreWrites;
import io.deadlinesaga.sagaview.timeline.Timelines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Audits again the sagas whose verdict the clock alone may have changed: an order still undecided when its
 * deadline and grace have passed, a rejection whose compensation time has run out. It reads only those sagas,
 * along an index of their recheck times; every other verdict changes only when an event of its saga arrives.
 */
@Component
public class Rechecks extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Rechecks.class);
    private static final int SAGAS_PER_TRANSACTION = 500;

    private final SagaVerdicts verdicts;
    private final Timelines timelines;
    private final StoreWrites writes;

    public Rechecks(SagaVerdicts verdicts, Timelines timelines, StoreWrites writes, AuditSettings settings) {
        super("rechecks", settings.recheckInterval(), false);
        this.verdicts = verdicts;
        this.timelines = timelines;
        this.writes = writes;
    }

    /** Audits again, as of {@code now}, every saga whose recheck time has come; returns how many. */
    public int recheckDue(long now) {
        int rechecked = 0;
        List<Long> due = verdicts.dueBy(now, SAGAS_PER_TRANSACTION);
        while (!due.isEmpty()) {
            List<Long> sagas = due;
            writes.inTransaction(() -> verdicts.judge(timelines.eventsOf(sagas), now));
            rechecked += sagas.size();
            // each audit sets a recheck time later than now, or none: a saga comes up once per pass
            due = sagas.size() < SAGAS_PER_TRANSACTION ? List.of() : verdicts.dueBy(now, SAGAS_PER_TRANSACTION);
        }
        return rechecked;
    }

    /** A failed round is tried again at the next: the recheck times stay in the store until a recheck commits. */
    @Override
    protected void runOnce() {
        int rechecked = recheckDue(System.currentTimeMillis());
        if (rechecked > 0) {
            log.info("audited again {} sagas whose verdict the clock may have changed", rechecked);
        }
    }

}
