package io.deadlinesaga.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared system when the test run ends, before the JVM exits. Left to a shutdown hook, it stopped
 * while Kafka's own hook deleted the embedded broker's folders, and the broker's shutdown then hung until
 * Surefire killed the JVM 30 s later.
 */
public class SagaSystemStopper implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SagaSystem.stopIfStarted();
    }
}
