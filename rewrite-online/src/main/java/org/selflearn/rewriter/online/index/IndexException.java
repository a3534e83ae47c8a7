package org.selflearn.rewriter.online.index;

/** A Lucene or RocksDB failure of an index, naming its path. */
public final class IndexException extends RuntimeException {
  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
