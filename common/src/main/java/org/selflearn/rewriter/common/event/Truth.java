package org.selflearn.rewriter.common.event;

import java.util.List;
import java.util.Objects;

/**
 * What the customer meant; only in simulated logs. Mining must never read it; replay scores with it.
 *
 * @param intended the intended request
 * @param equivalent other wordings that mean the same, never null
 */
public record Truth(String intended, List<String> equivalent) {
  public Truth {
    Objects.requireNonNull(intended, "intended");
    equivalent = equivalent == null ? List.of() : List.copyOf(equivalent);
  }
}
