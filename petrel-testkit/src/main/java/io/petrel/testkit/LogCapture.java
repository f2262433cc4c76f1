package io.petrel.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what one logger writes at DEBUG and above while it is open, for tests that check that a refusal or a
 * fault is logged. Closing it restores the logger. Events are recorded from any thread.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        this.previousAdditive = logger.isAdditive();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        // Kept out of the test output: the test reads them here.
        logger.setAdditive(false);
    }

    /** Starts recording what the logger of a class writes at DEBUG and above. */
    public static LogCapture debug(Class<?> source) {
        return new LogCapture((Logger) LoggerFactory.getLogger(source));
    }

    /** The formatted messages recorded so far at a level, oldest first. */
    public List<String> messages(Level level) {
        // The appender appends while holding its own lock.
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> event.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /** Whether a message containing the fragment was recorded at DEBUG. */
    public boolean hasDebug(String fragment) {
        return messages(Level.DEBUG).stream().anyMatch(message -> message.contains(fragment));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
        appender.stop();
    }
}
