package org.selflearn.rewriter.simulator;

import java.util.Map;
import org.selflearn.rewriter.common.event.DeviceType;

/**
 * One simulated customer.
 *
 * @param index position in the population
 * @param customerId pseudonymous id
 * @param deviceId the customer's device
 * @param deviceType its type
 * @param habits indices into the world of the requests this customer makes most
 * @param habitWeights cumulative weights of {@code habits}
 * @param accent per request index: the customer's own consistent misrecognition of it
 * @param personalSlice whether the customer means the long form of an ambiguous request
 */
record CustomerProfile(int index, String customerId, String deviceId, DeviceType deviceType, int[] habits,
    double[] habitWeights, Map<Integer, String> accent, boolean personalSlice) {}
