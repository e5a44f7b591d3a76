package io.deadlinesaga.launcher;

import java.io.PrintStream;

/**
 * What a command tells its user: lines on standard output, warnings on standard error, and on a terminal one
 * status line that the next line replaces (the start-up's "starting: …").
 */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private boolean statusShown;

    public Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public void say(String line) {
        clearStatus();
        out.println(line);
        out.flush();
    }

    public void warn(String message) {
        clearStatus();
        err.println("saga: " + message);
        err.flush();
    }

    /** A line that only a terminal shows, replaced by the next; null where the output is a file or a pipe. */
    public java.util.function.Consumer<String> statusLine() {
        if (!terminal) {
            return null;
        }
        return line -> {
            out.print("\r\033[K" + line);
            out.flush();
            statusShown = true;
        };
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\033[K");
            statusShown = false;
        }
    }
}
