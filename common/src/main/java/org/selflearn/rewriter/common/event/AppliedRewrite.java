package org.selflearn.rewriter.common.event;

import java.util.Objects;

/**
 * A rewrite that the online rewriter applied to a logged turn: {@code to} is what was executed.
 *
 * @param to the executed request text
 * @param source the layer that produced it
 * @param score its score, NaN when absent
 */
public record AppliedRewrite(String to, RewriteSource source, double score) {
  public AppliedRewrite {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(source, "source");
  }
}
