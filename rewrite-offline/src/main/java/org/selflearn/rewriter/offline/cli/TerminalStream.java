package org.selflearn.rewriter.offline.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/** A stream on an inherited file descriptor (the terminal's stderr that {@code ./rewrite} passes as descriptor 3). */
final class TerminalStream {
  private TerminalStream() {}

  static PrintStream open(int fd) {
    try {
      return wrap(new FileOutputStream("/proc/self/fd/" + fd, true)); // ttys, pipes, files
    } catch (IOException | SecurityException e) {
      try { // sockets cannot be reopened through /proc: use the descriptor itself (needs --add-opens java.io)
        FileDescriptor d = new FileDescriptor();
        Field f = FileDescriptor.class.getDeclaredField("fd");
        f.setAccessible(true);
        f.setInt(d, fd);
        return wrap(new FileOutputStream(d));
      } catch (ReflectiveOperationException | RuntimeException e2) {
        return null;
      }
    }
  }

  private static PrintStream wrap(FileOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
