package org.selflearn.rewriter.offline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.online.index.IndexException;
import org.selflearn.rewriter.online.table.TableStoreException;

/**
 * The command line's one error path. Bad input (a damaged or missing file, an unwritable path, a bad value, an
 * unreachable broker) is one line on the terminal naming the path, field, key or variable, and exit code 2. Anything
 * else is a bug: one line on the terminal, the stack trace in the log file, exit code 1.
 */
final class Failures {
  private static final int MAX_LINE = 500;

  private Failures() {}

  /** Reports a failure of {@code command}; returns the exit code. {@code log} may be null (one is then created). */
  static int report(String command, Throwable ex, LogFile log, PrintStream terminal) {
    String bad = badInput(ex);
    if (bad != null) {
      terminal.println("error: " + oneLine(bad));
      return RewriteCli.BAD_INPUT;
    }
    LogFile target = log != null ? log : LogFile.create(command);
    String what = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()));
    if (target == null) {
      terminal.println("internal error (a bug, please report it): " + what);
      ex.printStackTrace(terminal);
    } else {
      target.failure(command, ex);
      target.announced();
      terminal.println("internal error (a bug, please report it): " + what + "; stack trace in " + target.path());
    }
    return RewriteCli.INTERNAL;
  }

  /** The one-line message of a bad-input failure, or null when {@code ex} is a bug. */
  static String badInput(Throwable ex) {
    if (ex instanceof BadInputException || ex instanceof ConfigException || ex instanceof IllegalArgumentException
        || ex instanceof TableStoreException || ex instanceof IndexException) {
      return ex.getMessage();
    }
    if (ex instanceof FileSystemException fs) {
      return fileSystem(fs);
    }
    if (ex instanceof UncheckedIOException u) {
      return u.getCause() instanceof FileSystemException fs ? fileSystem(fs) : u.getMessage();
    }
    if (ex instanceof IOException) {
      return ex.getMessage();
    }
    if ((ex instanceof ExecutionException || ex instanceof CompletionException) && ex.getCause() != null) {
      return badInput(ex.getCause());
    }
    return null;
  }

  private static String fileSystem(FileSystemException e) {
    String why = e instanceof NoSuchFileException ? "no such file or directory"
        : e instanceof AccessDeniedException ? "permission denied"
        : e instanceof NotDirectoryException ? "not a directory"
        : e instanceof FileAlreadyExistsException ? "already exists"
        : e instanceof DirectoryNotEmptyException ? "directory not empty"
        : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    return "cannot use " + e.getFile() + (e.getOtherFile() == null ? "" : " (or " + e.getOtherFile() + ")") + ": "
        + why;
  }

  static String oneLine(String s) {
    String t = s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return t.length() > MAX_LINE ? t.substring(0, MAX_LINE) + "…" : t;
  }
}
