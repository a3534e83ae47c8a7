package org.selflearn.rewriter.markov;

import java.util.List;

/** Some transient states can never reach SUCCESS or FAILURE, so the chain is not absorbing. */
public final class NonAbsorbingChainException extends RuntimeException {
  private final List<String> states;

  NonAbsorbingChainException(List<String> states) {
    super("chain is not absorbing: these states cannot reach SUCCESS or FAILURE (first "
        + states.size() + "): " + states + "; add smoothing (solve.smoothing > 0) or check the mined counts");
    this.states = List.copyOf(states);
  }

  /** Up to ten of the offending states. */
  public List<String> states() {
    return states;
  }
}
