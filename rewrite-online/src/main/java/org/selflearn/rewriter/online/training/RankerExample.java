package org.selflearn.rewriter.online.training;

import java.util.Objects;

/**
 * One self-supervised example for the ranker, as the caller mined it.
 *
 * @param customerId the customer (personal features); never logged
 * @param deviceType ordinal of the device type, or -1 when unknown
 * @param timeMillis time of the source turn
 * @param previousDomain NLU domain of the turn before, or empty
 * @param source normalised request as heard
 * @param target the successful rephrase that followed, or null when the source itself succeeded
 * @param heldOut whether the example belongs to the customers held out to choose the threshold (the caller splits by
 *     customer, so that no customer is on both sides)
 */
public record RankerExample(String customerId, int deviceType, long timeMillis, String previousDomain, String source,
    String target, boolean heldOut) {
  public RankerExample {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(previousDomain, "previousDomain");
    Objects.requireNonNull(source, "source");
  }
}
