package org.selflearn.rewriter.online;

import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.event.RewriteSource;

/**
 * The outcome of one rewrite call.
 *
 * @param original the request as heard
 * @param rewrite the text to execute instead, or null when unchanged
 * @param source the layer that produced the rewrite, or null
 * @param score the rewrite's score (table confidence or ranker probability), NaN when unchanged without scoring
 * @param reason why: {@code table}, {@code ranked}, {@code below-threshold}, {@code usually-succeeds},
 *     {@code no-candidate}, {@code not-servable}, {@code empty}, {@code budget}, {@code too-long} (longer than
 *     {@code online.max-utterance-chars}), {@code closed} (the rewriter was closed), {@code overloaded},
 *     {@code error}
 * @param candidates the scored candidates when an explanation was asked for, else empty
 * @param memoryHeldBy where the customer's personal memory was read ({@code local}, or the {@code host:port} of the
 *     serving instance holding the customer's partition), or null when none was read
 */
public record RewriteResult(String original, String rewrite, RewriteSource source, double score, String reason,
    List<ScoredCandidate> candidates, String memoryHeldBy) {

  /** A candidate with its score and features, for explanations. */
  public record ScoredCandidate(String text, String layer, double score, Map<String, Double> features) {}

  public RewriteResult {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  /** A result with no personal memory read (yet). */
  public RewriteResult(String original, String rewrite, RewriteSource source, double score, String reason,
      List<ScoredCandidate> candidates) {
    this(original, rewrite, source, score, reason, candidates, null);
  }

  /** This result, saying where the customer's memory was read. */
  public RewriteResult withMemoryHeldBy(String heldBy) {
    return java.util.Objects.equals(heldBy, memoryHeldBy) ? this
        : new RewriteResult(original, rewrite, source, score, reason, candidates, heldBy);
  }

  /** Unchanged, for a reason. */
  public static RewriteResult unchanged(String original, String reason) {
    return new RewriteResult(original, null, null, Double.NaN, reason, List.of());
  }

  /** Whether the request was rewritten. */
  public boolean changed() {
    return rewrite != null;
  }

  /** What to execute: the rewrite, or the original. */
  public String effective() {
    return rewrite != null ? rewrite : original;
  }
}
