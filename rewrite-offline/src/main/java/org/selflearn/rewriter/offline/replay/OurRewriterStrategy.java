package org.selflearn.rewriter.offline.replay;

import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;

/** Our online rewriter, called exactly as a dialogue service calls it. */
public final class OurRewriterStrategy implements RewriteStrategy {
  private final QueryRewriter rewriter;
  private final String name;

  public OurRewriterStrategy(QueryRewriter rewriter, String name) {
    this.rewriter = rewriter;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decision decide(ReplayTurn t) {
    InteractionEvent e = t.event();
    RewriteResult r = rewriter.rewrite(new RewriteRequest(e.utterance(), e.customerId(), e.deviceType(),
        e.timestamp(), t.previousDomain(), false));
    return new Decision(e.eventId(), r.rewrite(), r.changed() ? r.source().name() : null,
        r.changed() ? r.score() : null, 0);
  }
}
