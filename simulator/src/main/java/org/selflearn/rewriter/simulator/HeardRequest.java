package org.selflearn.rewriter.simulator;

import java.time.Instant;
import org.selflearn.rewriter.common.event.DeviceType;

/**
 * A request as the assistant heard it, with the context a rewriter may use; never the customer's intent.
 *
 * @param utterance what speech recognition heard
 * @param customerId the pseudonymous customer
 * @param deviceType the customer's device type
 * @param time when the request was made (simulated time)
 * @param previousDomain the NLU domain of the previous turn of the same session, or null
 */
public record HeardRequest(String utterance, String customerId, DeviceType deviceType, Instant time,
    String previousDomain) {}
