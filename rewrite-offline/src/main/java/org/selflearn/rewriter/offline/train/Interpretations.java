package org.selflearn.rewriter.offline.train;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.text.TextNormalizer;

/**
 * What each request meant to the assistant when it succeeded: its NLU interpretation (domain, intent, slots) as the
 * logs record it. Two wordings with the same interpretation are one request ("what is the weather in x" / "whats the
 * weather in x"); logs without NLU give every request its own key. Read from the log file in one pass.
 */
public final class Interpretations implements UnaryOperator<String> {
  private final Map<String, String> byRequest;

  private Interpretations(Map<String, String> byRequest) {
    this.byRequest = byRequest;
  }

  /** The interpretations of the requests that succeeded in {@code logs} (the latest wins). */
  public static Interpretations of(Path logs) {
    Map<String, String> m = new HashMap<>();
    EventFileReader.forEach(logs, e -> {
      if (succeeded(e)) {
        m.put(TextNormalizer.normalize(e.utterance()), e.nlu().interpretationKey());
      }
    }, r -> { });
    return new Interpretations(m);
  }

  private static boolean succeeded(InteractionEvent e) {
    return e.nlu() != null && e.rewrite() == null && !e.response().status().isFailure() && !e.signals().bargeIn()
        && e.signals().feedback() != org.selflearn.rewriter.common.event.Feedback.NEGATIVE;
  }

  /** The request key of a normalised request: its interpretation, or itself when the logs have none. */
  @Override
  public String apply(String request) {
    String i = byRequest.get(request);
    return i == null ? request : "\u0000nlu:" + i;
  }

  public int size() {
    return byRequest.size();
  }
}
