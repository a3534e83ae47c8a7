package org.selflearn.rewriter.offline.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of user-given paths before any work starts, failing with exit code 2 and the option's name: inputs must
 * exist, outputs must be writable (their parent directories are created).
 */
final class InputFiles {
  /** System property (set by {@code ./rewrite}) naming the project directory, for {@link #lookUp}. */
  static final String HOME_PROPERTY = "rewrite.home";

  private InputFiles() {}

  static Path existingFile(Path p, String option) {
    if (p == null || !Files.isRegularFile(p)) {
      throw new BadInputException(option + ": no such file: " + p);
    }
    if (!Files.isReadable(p)) {
      throw new BadInputException(option + ": cannot read " + p + ": permission denied");
    }
    return p;
  }

  static Path existingDir(Path p, String option) {
    if (p == null || !Files.isDirectory(p)) {
      throw new BadInputException(option + ": no such directory: " + p);
    }
    return p;
  }

  /**
   * A relative path is looked up in the current directory first, then in the project directory (where
   * {@code ./rewrite} lives), so {@code --data ../shared/data} works from anywhere; an absolute path is used as given.
   * Fails naming the option and every place looked at.
   */
  static Path lookUp(Path p, String option, boolean directory) {
    Path here = p.toAbsolutePath().normalize();
    if (directory ? Files.isDirectory(here) : Files.isRegularFile(here)) {
      return here;
    }
    String home = System.getProperty(HOME_PROPERTY);
    if (!p.isAbsolute() && home != null) {
      Path there = Path.of(home).resolve(p).toAbsolutePath().normalize();
      if (directory ? Files.isDirectory(there) : Files.isRegularFile(there)) {
        return there;
      }
      throw new BadInputException(option + ": no such " + (directory ? "directory" : "file") + ": " + p
          + " (looked in " + here + " and " + there + ")");
    }
    throw new BadInputException(option + ": no such " + (directory ? "directory" : "file") + ": " + here);
  }

  /** A file about to be written: not a directory, its parent directory created and writable. Null passes. */
  static Path outputFile(Path p, String option) {
    if (p == null) {
      return null;
    }
    if (Files.isDirectory(p)) {
      throw new BadInputException(option + ": cannot write " + p + ": it is a directory");
    }
    writableDirectory(p.toAbsolutePath().getParent(), option, p);
    if (Files.exists(p) && !Files.isWritable(p)) {
      throw new BadInputException(option + ": cannot write " + p + ": permission denied");
    }
    return p;
  }

  /** A directory about to be written into: not a file, created if missing, writable. */
  static Path outputDir(Path p, String option) {
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new BadInputException(option + ": cannot write into " + p + ": it is a file");
    }
    writableDirectory(p.toAbsolutePath(), option, p);
    return p;
  }

  private static void writableDirectory(Path dir, String option, Path target) {
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new BadInputException(option + ": cannot write " + target + ": " + e.getFile() + " is a file, not a"
          + " directory");
    } catch (FileSystemException e) {
      throw new BadInputException(option + ": cannot write " + target + ": cannot create directory " + e.getFile()
          + (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
    } catch (IOException e) {
      throw new BadInputException(option + ": cannot write " + target + ": " + e.getMessage());
    }
    if (!Files.isWritable(dir)) {
      throw new BadInputException(option + ": cannot write " + target + ": directory " + dir + " is not writable");
    }
  }

  /** Replay threads from {@code --threads}: 0 means one per core; a negative number is bad input naming the option. */
  static int threads(int threads) {
    if (threads < 0) {
      throw new BadInputException("--threads: " + threads
          + " is not a number of threads (1 or more, or 0: one per core)");
    }
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
