package dev.tiketti.jpa.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Everything logged through SLF4J (Tiketti, Hibernate through jboss-logging, HikariCP) while it is
 * open, with each event's exception printed in full (causes, suppressed), at the levels a
 * production host typically runs: INFO for libraries, so Hibernate's warnings and errors about
 * failed statements are included, and DEBUG for Tiketti's own loggers.
 */
public final class CapturedLog implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<Logger, @Nullable Level> previous = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            StringBuilder s = new StringBuilder().append(e.getLevel()).append(' ').append(e.getLoggerName())
                    .append(" - ").append(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                s.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            events.add(s.toString());
        }
    };

    private CapturedLog() {
        level(Logger.ROOT_LOGGER_NAME, Level.INFO);
        level("org.hibernate.orm.jdbc.error", Level.INFO); // the test configuration silences it
        level("dev.tiketti", Level.DEBUG);
        appender.setContext(context);
        appender.setName("captured");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    private void level(String name, Level level) {
        Logger logger = context.getLogger(name);
        previous.put(logger, logger.getLevel());
        logger.setLevel(level);
    }

    /** The events so far, one after another. */
    public String text() {
        return String.join("\n", events);
    }

    public int size() {
        return events.size();
    }

    @Override
    public void close() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        previous.forEach(Logger::setLevel);
    }
}
