package org.selflearn.rewriter.offline.cli;

/** Bad input given by the user (a missing file, an unusable directory): exit code 2. */
public final class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
