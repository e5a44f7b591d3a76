package io.deadlinesaga.launcher.commands;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.running.Network;
import io.deadlinesaga.launcher.running.Waiting;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./saga events <orderId> [--follow]}: one order's events, one readable line each, as the saga view tells
 * them ({@code GET /sagas/<id>} as text, through the gateway).
 */
@Command(name = "events", description = "One order's events, one readable line each (from the saga view, through "
        + "the gateway).")
public final class EventsCommand implements Runnable {

    /** How far apart the view is asked while it has not yet read a record that arrived. */
    static final Duration LOOK_EVERY = Duration.ofMillis(200);
    static final int LOOK_AGAIN_TIMES = 10;
    /** The longest wait for a record of the order before the view is asked again anyway. */
    static final Duration LOOK_AGAIN_AFTER = Duration.ofSeconds(5);
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    final Context context;

    EventsCommand(Context context) {
        this.context = context;
    }

    @Parameters(paramLabel = "<orderId>", description = "the order's id")
    long orderId;

    @Option(names = {"-f", "--follow"}, description = "keep printing its new events as they arrive, until "
            + "interrupted")
    boolean follow;

    @Override
    public void run() {
        String url = context.setup().url(Part.GATEWAY) + "/sagas/" + orderId;
        Timeline timeline = new Timeline();
        if (!follow) {
            Network.Answer answer = Network.get(url, "text/plain");
            if (answer.status() != 200) {
                throw new SagaException(problem(answer));
            }
            timeline.linesAfterThoseShown(answer.body()).forEach(context.console()::say);
            return;
        }
        try (OrderRecords records = new OrderRecords(context.setup().bootstrapServers(), Wire.TOPIC, orderId)) {
            showNewLines(url, timeline, LOOK_AGAIN_TIMES);
            while (!Thread.currentThread().isInterrupted()) {
                // asks the view again when a record of the order arrives, and now and then in case the view
                // was behind the record that last woke it
                showNewLines(url, timeline, records.arrived(LOOK_AGAIN_AFTER) ? LOOK_AGAIN_TIMES : 1);
            }
        }
        catch (KafkaException ex) {
            throw new SagaException("cannot follow order " + orderId + ": the topic at "
                    + context.setup().bootstrapServers() + " cannot be read (" + ex.getMessage() + ")");
        }
    }

    /** Asks the view up to {@code times} times, a little apart, until it tells of events not shown yet. */
    private void showNewLines(String url, Timeline timeline, int times) {
        for (int i = 0; i < times; i++) {
            Network.Answer answer = Network.get(url, "text/plain");
            List<String> fresh = answer.status() == 200 ? timeline.linesAfterThoseShown(answer.body()) : List.of();
            fresh.forEach(context.console()::say);
            if (!fresh.isEmpty()) {
                return;
            }
            Waiting.pause(LOOK_EVERY);
        }
    }

    private String problem(Network.Answer answer) {
        return switch (answer.status()) {
            case 0 -> "the gateway does not answer at " + context.setup().url(Part.GATEWAY)
                    + ": is the saga up? (./saga status)";
            case 404 -> "no event of order " + orderId + " on the topic (yet)";
            // a view still catching up with the topic says in its problem's detail how far behind it is
            case 503 -> detail(answer.body()).orElse("the saga view answered HTTP 503: " + answer.body());
            default -> "the saga view answered HTTP " + answer.status() + ": " + answer.body();
        };
    }

    static java.util.Optional<String> detail(String problem) {
        Matcher matcher = DETAIL.matcher(problem);
        return matcher.find() ? java.util.Optional.of(matcher.group(1).replace("\\\"", "\"")) : java.util.Optional.empty();
    }

    /** The lines shown so far: each later answer prints only the lines after them. */
    static final class Timeline {

        private int shown;

        List<String> linesAfterThoseShown(String text) {
            List<String> lines = text.lines().toList();
            if (lines.size() <= shown) {
                return List.of();
            }
            List<String> fresh = lines.subList(shown, lines.size());
            shown = lines.size();
            return fresh;
        }
    }
}
