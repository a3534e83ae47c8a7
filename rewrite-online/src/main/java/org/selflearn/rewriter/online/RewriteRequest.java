package org.selflearn.rewriter.online;

import java.time.Instant;
import org.selflearn.rewriter.common.event.DeviceType;

/**
 * One request to rewrite, with its context.
 *
 * @param utterance what speech recognition heard
 * @param customerId pseudonymous customer id, or null (no personal layer)
 * @param deviceType device type, or null
 * @param time when the request was made, or null (now)
 * @param previousDomain the NLU domain of the previous turn, or null
 * @param explain whether to return the candidates and their features
 */
public record RewriteRequest(String utterance, String customerId, DeviceType deviceType, Instant time,
    String previousDomain, boolean explain) {

  /** A request with no context. */
  public static RewriteRequest of(String utterance, String customerId) {
    return new RewriteRequest(utterance, customerId, null, null, null, false);
  }

  /** The same request asking for an explanation. */
  public RewriteRequest explained() {
    return new RewriteRequest(utterance, customerId, deviceType, time, previousDomain, true);
  }
}
