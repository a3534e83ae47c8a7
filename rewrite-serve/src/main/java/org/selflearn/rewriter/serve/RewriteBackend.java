package org.selflearn.rewriter.serve;

import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;

/**
 * What the HTTP front needs from a rewriter: {@link QueryRewriter}'s public API, behind an interface so the server's
 * own behaviour (limits, errors, draining) can be tested without a trained model.
 */
public interface RewriteBackend extends AutoCloseable {
  /** A result with the version of the model that produced it. */
  record Versioned(RewriteResult result, String modelVersion) {}

  /** Rewrites one request or returns it unchanged; expected never to throw (the server fails open if it does). */
  Versioned rewrite(RewriteRequest request);

  /** Erases a customer's personal memory, durably, before returning; true when there was one. */
  boolean forget(String customerId);

  /** The version of the model answering now. */
  String modelVersion();

  @Override
  void close();

  /** The embeddable rewriter as a backend; the model version is the serving table's version for now. */
  static RewriteBackend of(QueryRewriter rewriter) {
    return new RewriteBackend() {
      /**
       * The public API does not say which table answered, so the version is read before and after: when they agree,
       * no swap happened in between and that version answered. Around a swap (rare) the request is asked again.
       */
      @Override
      public Versioned rewrite(RewriteRequest request) {
        for (int attempt = 0; ; attempt++) {
          String before = modelVersion();
          RewriteResult r = rewriter.rewrite(request);
          String after = modelVersion();
          if (before.equals(after) || attempt == 2) {
            return new Versioned(r, after);
          }
        }
      }

      @Override
      public boolean forget(String customerId) {
        return rewriter.forget(customerId);
      }

      @Override
      public String modelVersion() {
        String v = rewriter.tableVersion();
        return v == null ? "no-table" : v;
      }

      @Override
      public void close() {
        rewriter.close();
      }
    };
  }
}
