package org.selflearn.rewriter.online.table;

/** A RocksDB or file-system failure of the rewrite table, naming the path. */
public final class TableStoreException extends RuntimeException {
  public TableStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public TableStoreException(String message) {
    super(message);
  }
}
