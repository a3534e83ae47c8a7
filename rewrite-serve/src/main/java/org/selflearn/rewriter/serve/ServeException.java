package org.selflearn.rewriter.serve;

/** The service could not start (the address is taken, not local, or not allowed), naming the keys involved. */
public final class ServeException extends RuntimeException {
  public ServeException(String message, Throwable cause) {
    super(message, cause);
  }
}
