package org.selflearn.rewriter.offline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command's log file. {@link #redirect} sends the libraries' logging there (slf4j through logback; java.util.logging,
 * e.g. Lucene's notices; whatever is printed on {@code System.err}, e.g. DJL's GPU probes), so the terminal shows only
 * our own lines. The path is printed once: when something was logged, or at once by commands that run until stopped.
 * An empty log is deleted.
 *
 * <p>The log is capped: logback's {@link RollingFileAppender} moves it to {@code .1} (and {@code .1} to {@code .2},
 * dropping the oldest) whenever it passes {@value #MAX_FILE_BYTES} bytes, so a run never holds more than
 * {@code (KEPT_ROLLED + 1) x MAX_FILE_BYTES} of log however long it serves or whatever clients send. Every line is cut at
 * {@value #MAX_MESSAGE_CHARS} characters. Library loggers that quote requests are silenced (Jetty's HostPort echoes a
 * malformed {@code Host} header) and Jetty logs errors only. Under {@code ./rewrite} the JVM's stderr is the same file,
 * for the JVM's own notices (written before any roll); everything Java writes goes through the capped appender.
 *
 * <p>Location: {@code $REWRITE_LOG_DIR}, else {@code <java.io.tmpdir>/rewrite-logs}; one file per run, named after the
 * command, the time and the process id.
 */
final class LogFile {
  /** Environment variable naming the directory of log files. */
  static final String DIR_VARIABLE = "REWRITE_LOG_DIR";
  /** Set by {@code ./rewrite}: the log file it opened as the JVM's stderr. */
  static final String LOG_FILE_PROPERTY = "rewrite.log.file";
  /** Set by {@code ./rewrite}: the descriptor of the terminal's stderr. */
  static final String CONSOLE_FD_PROPERTY = "rewrite.console.fd";
  private static final String JVM_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
  /** Size at which the log rolls over. */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  /** Rolled files kept beside the log ({@code .1}, {@code .2}). */
  static final int KEPT_ROLLED = 2;
  /** Longest message written; a longer one is cut. */
  static final int MAX_MESSAGE_CHARS = 2_000;
  /** Levels beside the root's WARN (the same as logback.xml's). */
  private static final Map<String, Level> LEVELS = Map.of("org.selflearn", Level.INFO,
      "org.apache.kafka.clients.NetworkClient", Level.ERROR, "org.eclipse.jetty", Level.ERROR,
      "org.eclipse.jetty.util.HostPort", Level.OFF);

  private final Path path;
  private final PrintStream stream;
  private boolean announced;
  private boolean capped;

  private LogFile(Path path, PrintStream stream) {
    this.path = path;
    this.stream = stream;
  }

  /** A log file at {@code path} written through {@code stream} (tests). */
  static LogFile at(Path path, PrintStream stream) {
    return new LogFile(path, stream);
  }

  /** Creates a log file for {@code command}, or returns null (and logs stay on the terminal) when it cannot. */
  static LogFile create(String command) {
    String configured = System.getenv(DIR_VARIABLE);
    Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "rewrite-logs");
    String name = "rewrite-" + command.replaceAll("[^A-Za-z0-9-]", "") + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + "-"
        + ProcessHandle.current().pid() + ".log";
    try {
      Files.createDirectories(dir);
      Path p = dir.resolve(name);
      return new LogFile(p, new PrintStream(new FileOutputStream(p.toFile(), true), true, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Sends {@code System.err}, slf4j's simple logger and java.util.logging to the log file; the terminal stays
   * reachable through {@link Console}. Under {@code ./rewrite} the JVM's stderr already is the log (so the JVM's own
   * notices land there too) and the terminal is descriptor {@value #CONSOLE_FD_PROPERTY}; otherwise a log file is
   * created here. Returns null when there is no log file (logs then stay on the terminal).
   */
  static LogFile redirect(String command) {
    LogFile log = fromLauncher();
    if (log == null) {
      log = create(command);
      if (log == null) {
        return null;
      }
      Console.use(System.out, System.err);
      System.setErr(log.stream);
    }
    if (!logTo(log.path, MAX_FILE_BYTES)) {
      return log; // not logback (a stale class path): logging stays on stderr, uncapped
    }
    log.capped = true;
    System.setErr(new PrintStream(new LineLogger(LoggerFactory.getLogger("stderr")), true,
        StandardCharsets.UTF_8));
    LogManager.getLogManager().reset();
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(new ToSlf4j());
    root.setLevel(java.util.logging.Level.INFO);
    return log;
  }

  /**
   * Configures logback (false when slf4j is bound to something else): one rolling file at {@code file}, rolled at
   * {@code maxFileBytes} with {@value #KEPT_ROLLED} older files kept, root at WARN, our own packages at INFO, Jetty at
   * ERROR and its HostPort off.
   */
  static boolean logTo(Path file, long maxFileBytes) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      System.err.println("warning: slf4j is bound to " + LoggerFactory.getILoggerFactory().getClass().getName()
          + ", not logback: the log is not capped");
      return false;
    }
    ctx.reset();
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(ctx);
    appender.setName("file");
    appender.setFile(file.toString());
    appender.setAppend(true);
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(ctx);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(KEPT_ROLLED);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(ctx);
    trigger.setMaxFileSize(new FileSize(maxFileBytes));
    // the size is looked at on every event (by default at most every 60 ms, in which a flood can write megabytes)
    trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
    trigger.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %.-" + MAX_MESSAGE_CHARS
        + "msg%n");
    encoder.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    LEVELS.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
    return true;
  }

  /** java.util.logging into slf4j (so into the capped file). */
  private static final class ToSlf4j extends Handler {
    @Override
    public void publish(LogRecord r) {
      Logger l = LoggerFactory.getLogger(r.getLoggerName() == null ? "jul" : r.getLoggerName());
      String msg = new java.util.logging.SimpleFormatter().formatMessage(r);
      int level = r.getLevel().intValue();
      if (level >= java.util.logging.Level.SEVERE.intValue()) {
        l.error(msg, r.getThrown());
      } else if (level >= java.util.logging.Level.WARNING.intValue()) {
        l.warn(msg, r.getThrown());
      } else if (level >= java.util.logging.Level.INFO.intValue()) {
        l.info(msg, r.getThrown());
      } else {
        l.debug(msg, r.getThrown());
      }
    }

    @Override
    public void flush() {
      // logback flushes every event
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  /** {@code System.err} as lines logged at WARN on the logger {@code stderr}. */
  private static final class LineLogger extends OutputStream {
    private final Logger logger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineLogger(Logger logger) {
      this.logger = logger;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        flushLine();
      } else if (line.size() < MAX_MESSAGE_CHARS * 4) {
        line.write(b);
      }
    }

    @Override
    public synchronized void flush() {
      // lines go out whole, at their newline
    }

    private void flushLine() {
      String s = line.toString(StandardCharsets.UTF_8).stripTrailing();
      line.reset();
      if (!s.isEmpty()) {
        logger.warn(s);
      }
    }
  }

  /** The log the launcher opened as this JVM's stderr, with the terminal on the descriptor it names; or null. */
  private static LogFile fromLauncher() {
    String file = System.getProperty(LOG_FILE_PROPERTY);
    int fd = Integer.getInteger(CONSOLE_FD_PROPERTY, -1);
    if (file == null || fd < 0) {
      return null;
    }
    PrintStream terminal = TerminalStream.open(fd);
    if (terminal == null) {
      return null;
    }
    Console.use(System.out, terminal);
    return new LogFile(Path.of(file), System.err);
  }

  Path path() {
    return path;
  }

  /** Writes a failure with its stack trace. */
  void failure(String command, Throwable t) {
    if (capped) { // the appender may have rolled the file away from `stream`
      LoggerFactory.getLogger(LogFile.class).error("[{}] internal error:", command, t);
      return;
    }
    stream.println(LocalDateTime.now() + " [" + command + "] internal error:");
    t.printStackTrace(stream);
    stream.flush();
  }

  /** Prints the path on the terminal, once. */
  synchronized void announce() {
    if (!announced) {
      announced = true;
      Console.err().println("log: " + path);
    }
  }

  /** Marks the path as printed (e.g. inside an error line). */
  synchronized void announced() {
    announced = true;
  }

  /**
   * At exit: deletes an empty log (or one holding only the JVM's incubator notice); otherwise prints its path if
   * {@code announce} and it was not printed yet. Reads at most a few hundred bytes: this runs while the JVM stops.
   */
  void finish(boolean announce) {
    stream.flush();
    try {
      long size = Files.size(path);
      if (!announced && (size == 0 || size <= JVM_NOTICE.length() + 8 && Files.readString(path,
          StandardCharsets.UTF_8).strip().equals(JVM_NOTICE))) {
        Files.deleteIfExists(path);
      } else if (announce) {
        announce();
      }
    } catch (IOException e) {
      // nothing more to do at exit
    }
  }
}
