package org.selflearn.rewriter.offline.replay;

/** Never rewrites: the defect rate as logged. */
public final class NoRewriteBaseline implements RewriteStrategy {
  @Override
  public String name() {
    return "noRewrite";
  }

  @Override
  public Decision decide(ReplayTurn t) {
    return new Decision(t.event().eventId(), null, null, null, 0);
  }
}
