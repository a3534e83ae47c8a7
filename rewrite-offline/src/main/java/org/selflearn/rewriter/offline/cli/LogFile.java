package org.selflearn.rewriter.offline.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * The command's log file. {@link #redirect} sends {@code System.err} there, and with it the libraries' logging (slf4j
 * simple logger, which writes to {@code System.err}; java.util.logging, e.g. Lucene's notices; DJL's GPU probes), so
 * the terminal shows only our own lines. The path is printed once: when something was logged, or at once by
 * commands that run until stopped. An empty log is deleted.
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

  private final Path path;
  private final PrintStream stream;
  private boolean announced;

  private LogFile(Path path, PrintStream stream) {
    this.path = path;
    this.stream = stream;
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
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.selflearn", "info");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
    setIfAbsent("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL [%3$s] %4$s %5$s%6$s%n");
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler h = new StreamHandler(log.stream, new SimpleFormatter()) {
      @Override
      public synchronized void publish(java.util.logging.LogRecord r) {
        super.publish(r);
        flush();
      }
    };
    h.setLevel(Level.INFO);
    root.addHandler(h);
    root.setLevel(Level.INFO);
    return log;
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

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  Path path() {
    return path;
  }

  /** Writes a failure with its stack trace. */
  void failure(String command, Throwable t) {
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
   * At exit: deletes an empty log; otherwise prints its path if {@code announce} and it was not printed yet.
   */
  void finish(boolean announce) {
    stream.flush();
    try {
      if (!announced && (Files.size(path) == 0 || Files.readString(path, StandardCharsets.UTF_8).strip()
          .equals(JVM_NOTICE))) {
        Files.deleteIfExists(path);
      } else if (announce) {
        announce();
      }
    } catch (IOException e) {
      // nothing more to do at exit
    }
  }
}
