package io.deadlinesaga.launcher.commands;

import java.io.IOException;
import java.util.List;

import io.deadlinesaga.launcher.SagaException;

/** A program run in the foreground, on the launcher's terminal; Ctrl-C reaches it as it reaches the launcher. */
final class Foreground {

    private Foreground() {
    }

    /** Runs the command to its end; its exit status. */
    static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor();
        }
        catch (IOException ex) {
            throw new SagaException("cannot run " + command.get(0) + ": " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
