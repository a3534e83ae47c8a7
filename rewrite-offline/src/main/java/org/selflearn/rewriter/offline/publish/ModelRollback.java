package org.selflearn.rewriter.offline.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.selflearn.rewriter.online.ModelHome;

/**
 * Switches a versioned model directory's {@code CURRENT} back: to the newest version older than the serving one, or
 * to a named version. The target must be one of the versions kept; {@code check} may refuse it (the command line
 * checks every part a rewriter reads) before the switch. Services pick the switch up like a publish (hot reload).
 */
public final class ModelRollback {
  private ModelRollback() {}

  /**
   * What a rollback did.
   *
   * @param from the version that served before (what {@code CURRENT} named; null when there was none)
   * @param to the version serving now
   */
  public record Switched(String from, String to) {}

  /**
   * Rolls back {@code modelDir} to {@code to}, or to the version before the serving one when {@code to} is null.
   *
   * @throws IllegalArgumentException naming the version when it is malformed, not kept, already serving, or there
   *     is no older version to roll back to
   */
  public static Switched rollback(Path modelDir, String to, Consumer<Path> check) {
    if (!Files.isDirectory(modelDir) || !new ModelHome(modelDir).isVersioned()) {
      throw new IllegalArgumentException("--model: " + modelDir + " is not a versioned model directory (no "
          + ModelHome.CURRENT + "); only versions written by ./rewrite publish can be rolled back");
    }
    try (VersionedModelDir dir = VersionedModelDir.lock(modelDir)) {
      ModelHome home = dir.home();
      String from = dir.currentName().orElse(null);
      List<String> kept = home.versions();
      String target = to != null ? named(home, to, kept) : previous(home, from, kept);
      if (target.equals(from)) {
        throw new IllegalArgumentException("--to: model version " + target + " is already serving in " + modelDir);
      }
      check.accept(home.versionDir(target));
      dir.switchTo(target);
      return new Switched(from, target);
    }
  }

  private static String named(ModelHome home, String to, List<String> kept) {
    if (!ModelHome.isVersionName(to)) {
      throw new IllegalArgumentException("--to: \"" + to + "\" is not a model version name (v-NNNNNN, e.g. v-000002)");
    }
    if (!kept.contains(to)) {
      throw new IllegalArgumentException("--to: model version " + to + " is not under " + home.versionsDir()
          + " (kept: " + describe(kept) + ")");
    }
    return to;
  }

  private static String previous(ModelHome home, String from, List<String> kept) {
    String best = null;
    for (String v : kept) {
      if (from == null || v.compareTo(from) < 0) {
        best = v; // kept is sorted oldest first
      }
    }
    if (best == null || from == null && kept.isEmpty()) {
      throw new IllegalArgumentException("--model: no model version older than " + from + " is kept under "
          + home.versionsDir() + " (kept: " + describe(kept) + "); name one with --to");
    }
    return best;
  }

  private static String describe(List<String> kept) {
    return kept.isEmpty() ? "none" : String.join(", ", kept);
  }
}
