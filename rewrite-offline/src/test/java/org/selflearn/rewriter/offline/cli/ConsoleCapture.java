package org.selflearn.rewriter.offline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this process and keeps what it printed on stdout and stderr. */
record ConsoleCapture(int code, String out, String err) {
  static ConsoleCapture run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = RewriteCli.run(args);
      return new ConsoleCapture(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** The lines on stderr that are ours (the command's), not a library's log lines in this shared test JVM. */
  java.util.List<String> errorLines() {
    return err.lines().filter(l -> l.startsWith("error:") || l.startsWith("internal error")).toList();
  }
}
