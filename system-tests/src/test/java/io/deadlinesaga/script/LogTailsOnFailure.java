package io.deadlinesaga.script;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On a failure, logs the end of every part's log: the processes' own account of what went wrong. */
final class LogTailsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogTailsOnFailure.class);

    private final SagaScript saga;

    LogTailsOnFailure(SagaScript saga) {
        this.saga = saga;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        logTails(context);
        throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        logTails(context);
        throw failure;
    }

    private void logTails(ExtensionContext context) {
        LOG.error("{} failed; the parts' logs end with:{}", context.getDisplayName(), saga.logTails(40));
    }
}
