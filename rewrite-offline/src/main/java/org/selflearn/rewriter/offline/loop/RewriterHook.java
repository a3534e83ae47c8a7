package org.selflearn.rewriter.offline.loop;

import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import org.selflearn.rewriter.simulator.HeardRequest;
import org.selflearn.rewriter.simulator.RewriteHook;

/** Our online rewriter deciding what the simulated assistant executes, called as a dialogue service calls it. */
public final class RewriterHook implements RewriteHook {
  private final QueryRewriter rewriter;

  public RewriterHook(QueryRewriter rewriter) {
    this.rewriter = rewriter;
  }

  @Override
  public AppliedRewrite execute(HeardRequest h) {
    RewriteResult r = rewriter.rewrite(new RewriteRequest(h.utterance(), h.customerId(), h.deviceType(), h.time(),
        h.previousDomain(), false));
    return r.changed() ? new AppliedRewrite(r.rewrite(), r.source(), r.score()) : null;
  }
}
