package org.selflearn.rewriter.serve;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;

/** A backend without a model: "play maj and dragons" becomes "play imagine dragons", anything else unchanged. */
final class FakeBackend implements RewriteBackend {
  final List<RewriteRequest> seen = new CopyOnWriteArrayList<>();
  final List<String> forgotten = new CopyOnWriteArrayList<>();
  final List<String> events = new CopyOnWriteArrayList<>();
  volatile Function<RewriteRequest, RewriteResult> behaviour = FakeBackend::rule;
  volatile String version = "v-7";

  static RewriteResult rule(RewriteRequest r) {
    if (r.utterance().equals("play maj and dragons")) {
      List<RewriteResult.ScoredCandidate> cands = r.explain()
          ? List.of(new RewriteResult.ScoredCandidate("play imagine dragons", "table", 0.93, Map.of("support", 12.0)))
          : List.of();
      return new RewriteResult(r.utterance(), "play imagine dragons", RewriteSource.PRECOMPUTED, 0.93, "table", cands);
    }
    return RewriteResult.unchanged(r.utterance(), "no-candidate");
  }

  @Override
  public Versioned rewrite(RewriteRequest request) {
    seen.add(request);
    return new Versioned(behaviour.apply(request), version);
  }

  @Override
  public boolean forget(String customerId) {
    forgotten.add(customerId);
    return customerId.startsWith("known");
  }

  @Override
  public String modelVersion() {
    return version;
  }

  @Override
  public void close() {
    events.add("closed");
  }
}
