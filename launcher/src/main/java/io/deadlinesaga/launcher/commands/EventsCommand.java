package io.deadlinesaga.launcher.commands;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.running.Network;
import io.deadlinesaga.launcher.running.Waiting;
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

    static final Duration LOOK_EVERY = Duration.ofMillis(500);
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
        do {
            Network.Answer answer = Network.get(url, "text/plain");
            if (answer.status() == 200) {
                timeline.linesAfterThoseShown(answer.body()).forEach(context.console()::say);
            }
            else if (!follow) {
                throw new SagaException(problem(answer));
            }
            if (follow) {
                Waiting.pause(LOOK_EVERY);
            }
        }
        while (follow && !Thread.currentThread().isInterrupted());
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
