package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Placeholder until the HTML report lands. */
public final class HtmlReport {
  private HtmlReport() {}

  public static void write(Path file, Map<String, Object> report, List<ReplayTurn> turns, List<Decision> decisions) {
    throw new UnsupportedOperationException("--html is not implemented yet");
  }
}
