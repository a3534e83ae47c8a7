package org.selflearn.rewriter.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a {@code --model DIR} names: either a plain model directory ({@link ModelDirectory}, as {@code ./rewrite train}
 * writes it) or a versioned one, as {@code ./rewrite publish} writes it:
 * <pre>
 * DIR/CURRENT               the name of the version that serves (one line, replaced by an atomic rename)
 * DIR/versions/v-NNNNNN/    complete model directories
 * </pre>
 * A directory with a {@code CURRENT} file is versioned; otherwise one with a {@code model-manifest.json} is plain; a
 * directory with only {@code versions/} is versioned with nothing published yet. Resolving reads {@code CURRENT}
 * once: a caller that opens the version it named keeps serving it even if {@code CURRENT} moves on meanwhile.
 *
 * @param root the directory given as {@code --model}
 */
public record ModelHome(Path root) {
  /** The file naming the serving version. */
  public static final String CURRENT = "CURRENT";
  /** The directory holding the versions. */
  public static final String VERSIONS = "versions";
  private static final Pattern NAME = Pattern.compile("v-\\d{6}");

  /** Whether {@code name} has the form of a version name ({@code v-NNNNNN}). */
  public static boolean isVersionName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The version name of a number: {@code v-000007}. */
  public static String versionName(int n) {
    return String.format(java.util.Locale.ROOT, "v-%06d", n);
  }

  public Path currentFile() {
    return root.resolve(CURRENT);
  }

  public Path versionsDir() {
    return root.resolve(VERSIONS);
  }

  public Path versionDir(String name) {
    return versionsDir().resolve(name);
  }

  /** Whether this is a versioned model directory (published or not yet). */
  public boolean isVersioned() {
    return Files.exists(currentFile())
        || !Files.isRegularFile(new ModelDirectory(root).manifest()) && Files.isDirectory(versionsDir());
  }

  /**
   * The serving version's name, or null for a plain model directory.
   *
   * @throws IllegalArgumentException naming the file when {@code CURRENT} is missing (nothing published yet),
   *     unreadable, not a version name, or names a version that is missing
   */
  public String currentVersion() {
    if (!isVersioned()) {
      return null;
    }
    Path current = currentFile();
    if (!Files.isRegularFile(current)) {
      throw new IllegalArgumentException("no model version published yet under " + root + " (" + current
          + " is missing) — publish one with ./rewrite publish");
    }
    String name;
    try {
      name = Files.readString(current, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + current + ": " + e.getMessage(), e);
    }
    if (!isVersionName(name)) {
      throw new IllegalArgumentException(current + " names \"" + name + "\", which is not a model version (v-NNNNNN)");
    }
    if (!Files.isDirectory(versionDir(name))) {
      throw new IllegalArgumentException(current + " names model version " + name + ", which is missing under "
          + versionsDir());
    }
    return name;
  }

  /** The model directory serving now: the current version's, or the root of a plain one. */
  public ModelDirectory current() {
    return directory(currentVersion());
  }

  /** The model directory of a version, or the root for {@code null} (a plain directory). */
  public ModelDirectory directory(String version) {
    return new ModelDirectory(version == null ? root : versionDir(version));
  }

  /** The complete versions present (renamed into place), oldest first; empty for a plain directory. */
  public List<String> versions() {
    if (!Files.isDirectory(versionsDir())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(versionsDir())) {
      return s.map(p -> p.getFileName().toString()).filter(ModelHome::isVersionName).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + versionsDir() + ": " + e.getMessage(), e);
    }
  }
}
