package org.selflearn.rewriter.offline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of user-given paths, failing with exit code 2 and the option's name. */
final class InputFiles {
  private InputFiles() {}

  static Path existingFile(Path p, String option) {
    if (p == null || !Files.isRegularFile(p)) {
      throw new BadInputException(option + ": no such file: " + p);
    }
    return p;
  }

  static Path existingDir(Path p, String option) {
    if (p == null || !Files.isDirectory(p)) {
      throw new BadInputException(option + ": no such directory: " + p);
    }
    return p;
  }
}
