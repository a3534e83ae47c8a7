package org.selflearn.rewriter.offline.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.selflearn.rewriter.offline.io.Directories;

/**
 * Where {@code train} writes: a temporary directory beside {@code --out}, renamed into place only when the model is
 * complete, so a failed or interrupted run never leaves a half-written model, and a retrained model never keeps parts
 * (e.g. personal memories of customers no longer in the logs) of the one it replaces. An existing non-empty
 * {@code --out} is refused unless forced; then the old directory is renamed aside, the new one renamed in, and the
 * old one deleted (two renames: a reader sees the old model or the new one, or for an instant none).
 */
final class ModelOutput {
  private final Path out;
  private final Path temporary;

  private ModelOutput(Path out, Path temporary) {
    this.out = out;
    this.temporary = temporary;
  }

  /** Checks {@code out} (refusing a non-empty one unless {@code force}) and reserves a temporary directory beside it. */
  static ModelOutput prepare(Path out, boolean force) {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new BadInputException("--out: " + out + " is a file, expected a model directory");
    }
    if (!force && !isEmptyOrMissing(target)) {
      throw new BadInputException("--out: " + out + " is not empty; pass --force to replace it (the new model is"
          + " built beside it and swapped in when complete)");
    }
    Path parent = target.getParent();
    InputFiles.outputDir(parent, "--out");
    Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
        + Long.toHexString(System.nanoTime()));
    return new ModelOutput(target, tmp);
  }

  /** The directory to train into. */
  Path temporary() {
    return temporary;
  }

  /** Moves the finished model into place, replacing whatever {@code --out} held. */
  void install() {
    try {
      if (Files.isDirectory(out)) {
        if (isEmptyOrMissing(out)) {
          Files.delete(out);
        } else {
          Path old = out.resolveSibling("." + out.getFileName() + ".old-" + ProcessHandle.current().pid() + "-"
              + Long.toHexString(System.nanoTime()));
          move(out, old);
          move(temporary, out);
          Directories.deleteTree(old);
          return;
        }
      }
      move(temporary, out);
    } catch (IOException e) {
      throw new BadInputException("--out: cannot move the new model into " + out + ": " + e.getMessage()
          + " (it is complete in " + temporary + ")");
    }
  }

  /** Deletes the temporary directory (after a failure). */
  void discard() {
    Directories.deleteTree(temporary);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmptyOrMissing(Path dir) {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new BadInputException("--out: cannot list " + dir + ": " + e.getMessage());
    }
  }
}
