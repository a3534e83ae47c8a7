package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.online.table.TableStoreException;

class FailuresTest {
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);

  @Test
  void aBugIsOneLineOnTheTerminalAndItsStackTraceGoesToTheLogFile() throws IOException {
    int code = Failures.report("train", new NullPointerException("boom"), null, out);
    assertThat(code).isEqualTo(RewriteCli.INTERNAL);
    String text = terminal.toString(StandardCharsets.UTF_8);
    assertThat(text.strip().lines()).hasSize(1);
    assertThat(text).contains("internal error", "NullPointerException: boom", "stack trace in ")
        .doesNotContain("\tat ");
    Path log = Path.of(text.substring(text.indexOf("stack trace in ") + 15).strip());
    assertThat(Files.readString(log)).contains("NullPointerException: boom", "\tat ");
    Files.delete(log);
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (Exception e : new Exception[] {new BadInputException("--logs: no such file: x"),
        new ConfigException("solve.min-gain", "out of range"), new TableStoreException("cannot open /m/table"),
        new UncheckedIOException("x", new AccessDeniedException("/m/out")),
        new IOException("line one\nline two")}) {
      terminal.reset();
      assertThat(Failures.report("x", e, null, out)).as(e.toString()).isEqualTo(RewriteCli.BAD_INPUT);
      assertThat(terminal.toString(StandardCharsets.UTF_8).strip().lines()).as(e.toString()).hasSize(1);
    }
    assertThat(Failures.badInput(new UncheckedIOException("x", new AccessDeniedException("/m/out"))))
        .contains("/m/out", "permission denied");
    assertThat(Failures.badInput(new IllegalStateException("a bug"))).isNull();
  }
}
