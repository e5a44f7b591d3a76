package io.deadlinesaga.launcher.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import io.deadlinesaga.launcher.Instance;

/**
 * What the monkey does next: kill a service's instance picked at random, each once before any twice; and, if asked, restart
 * the broker (in a cluster, kill a node and start it again) instead, once, at the first action in the second half of the window.
 */
final class ChaosPlan {

    /** One action: kill a service and start it again, or restart the broker. */
    record Action(Optional<Instance> service) {

        static final Action RESTART_KAFKA = new Action(Optional.empty());

        static Action kill(Instance service) {
            return new Action(Optional.of(service));
        }

        boolean restartsKafka() {
            return service.isEmpty();
        }
    }

    private final List<Instance> targets;
    private final long windowMillis;
    private final RandomGenerator random;
    private final List<Instance> bag = new ArrayList<>();
    private boolean kafkaRestartDue;

    ChaosPlan(List<Instance> targets, boolean restartKafka, long windowMillis, RandomGenerator random) {
        this.targets = List.copyOf(targets);
        this.kafkaRestartDue = restartKafka;
        this.windowMillis = windowMillis;
        this.random = random;
    }

    /** The action that starts {@code elapsedMillis} after the chaos began. */
    Action next(long elapsedMillis) {
        if (kafkaRestartDue && elapsedMillis >= windowMillis / 2) {
            kafkaRestartDue = false;
            return Action.RESTART_KAFKA;
        }
        if (bag.isEmpty()) {
            bag.addAll(targets);
        }
        return Action.kill(bag.remove(random.nextInt(bag.size())));
    }
}
