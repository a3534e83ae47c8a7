package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command's log file: capped by rolling, deaf to request content, and cheap to finish (issue 21). */
class LogFileTest {
  @TempDir
  Path dir;

  @AfterEach
  void backToTheDefaultConfiguration() throws Exception {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    new ContextInitializer(ctx).autoConfig();
  }

  @Test
  void theLogRollsAtItsCapSoAFloodCannotGrowItWithoutBound() throws IOException {
    Path log = dir.resolve("rewrite-serve.log");
    long cap = 1024 * 1024;
    assertThat(LogFile.logTo(log, cap)).isTrue();
    Logger l = LoggerFactory.getLogger("org.selflearn.rewriter.test");
    String line = "x".repeat(1_000);
    for (int i = 0; i < 30_000; i++) { // 30 MB of warnings
      l.warn(line);
    }
    long total;
    try (Stream<Path> files = Files.list(dir)) {
      total = files.mapToLong(LogFileTest::size).sum();
    }
    assertThat(total).isLessThanOrEqualTo((LogFile.KEPT_ROLLED + 1) * cap + 64 * 1024);
    assertThat(log).exists();
    assertThat(dir.resolve("rewrite-serve.log.1")).exists();
    assertThat(dir.resolve("rewrite-serve.log." + (LogFile.KEPT_ROLLED + 1))).doesNotExist();
  }

  @Test
  void jettyNeverEchoesAMalformedHostAndLongMessagesAreCut() throws IOException {
    Path log = dir.resolve("rewrite-serve.log");
    assertThat(LogFile.logTo(log, LogFile.MAX_FILE_BYTES)).isTrue();
    // what Jetty 12 logs for `Host: c-4382/x`, before any token check
    LoggerFactory.getLogger("org.eclipse.jetty.util.HostPort").warn("Bad Authority: [{}]", "c-4382/x");
    LoggerFactory.getLogger("org.eclipse.jetty.server.HttpChannel").warn("request {} failed", "c-4383");
    LoggerFactory.getLogger("org.selflearn.rewriter.test").warn("y".repeat(10_000));
    String text = Files.readString(log);
    assertThat(text).doesNotContain("c-4382").doesNotContain("c-4383");
    assertThat(text).contains("y".repeat(LogFile.MAX_MESSAGE_CHARS)).doesNotContain("y".repeat(
        LogFile.MAX_MESSAGE_CHARS + 1));
  }

  @Test
  void finishingAHugeLogAnnouncesItWithoutReadingIt() throws IOException {
    Path log = dir.resolve("rewrite-serve-huge.log");
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
      f.setLength(3L * 1024 * 1024 * 1024); // 3 GB, sparse: more than a String (or this heap) can hold
    }
    LogFile lf = LogFile.at(log, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
    Console.use(System.out, new java.io.PrintStream(terminal, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      lf.finish(true);
    } finally {
      Console.use(null, null); // back to System.out and System.err as they are
    }
    assertThat(terminal.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("log: " + log);
    assertThat(log).exists();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
