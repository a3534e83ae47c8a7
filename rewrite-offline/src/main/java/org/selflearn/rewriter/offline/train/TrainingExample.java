package org.selflearn.rewriter.offline.train;

/**
 * One self-supervised example for the ranker.
 *
 * @param customerId the customer (personal features); never logged
 * @param deviceType ordinal of the device type
 * @param timeMillis time of the source turn
 * @param previousDomain NLU domain of the turn before, or empty
 * @param source normalised request as heard
 * @param target the successful rephrase that followed, or null when the source itself succeeded
 */
public record TrainingExample(String customerId, int deviceType, long timeMillis, String previousDomain,
    String source, String target) {}
