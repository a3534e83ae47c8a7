package org.selflearn.rewriter.offline.train;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What each request meant to the assistant when it succeeded: its NLU interpretation (domain, intent, slots) as the
 * logs record it. Two wordings with the same interpretation are one request ("what is the weather in x" / "whats the
 * weather in x"); logs without NLU give every request its own key. Collected by {@link ModelFacts}.
 */
public final class Interpretations implements UnaryOperator<String> {
  private final Map<String, String> byRequest;

  private Interpretations(Map<String, String> byRequest) {
    this.byRequest = byRequest;
  }

  /** From heard request → interpretation key (see {@link ModelFacts}). */
  static Interpretations of(Map<String, String> byRequest) {
    return new Interpretations(byRequest);
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
