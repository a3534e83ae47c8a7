package org.selflearn.rewriter.offline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.selflearn.rewriter.online.ModelHome;

/**
 * Writing side of a versioned model directory ({@link ModelHome}): one writer at a time (a file lock on
 * {@code MODEL_DIR/.publish.lock}, held by publish and rollback), and {@code CURRENT} switched by writing a temporary
 * file and renaming it over the old one atomically, so a reader sees the old name or the new one, never a torn one.
 */
final class VersionedModelDir implements AutoCloseable {
  static final String LOCK = ".publish.lock";

  private final ModelHome home;
  private final FileChannel channel;
  private final FileLock lock;

  private VersionedModelDir(ModelHome home, FileChannel channel, FileLock lock) {
    this.home = home;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code root} for writing, creating it (and {@code versions/}) when missing.
   *
   * @throws IllegalArgumentException when it is a plain model directory, or another publish or rollback holds it
   */
  static VersionedModelDir lock(Path root) {
    ModelHome home = new ModelHome(root);
    if (Files.exists(root) && !home.isVersioned() && !isEmpty(root)) {
      throw new IllegalArgumentException("--model: " + root + " is not a versioned model directory (no "
          + ModelHome.CURRENT + ", no " + ModelHome.VERSIONS + "/); publish into a new or empty directory (a plain"
          + " model directory written by ./rewrite train is served as it is, without versions)");
    }
    try {
      Files.createDirectories(home.versionsDir());
      FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      if (l == null) {
        ch.close();
        throw new IllegalArgumentException("--model: another publish or rollback is running on " + root + " (it"
            + " holds " + root.resolve(LOCK) + ")");
      }
      return new VersionedModelDir(home, ch, l);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + root.resolve(LOCK) + ": " + e.getMessage(), e);
    }
  }

  ModelHome home() {
    return home;
  }

  /** What {@code CURRENT} names (trimmed), whether or not that version exists; empty when there is no CURRENT. */
  Optional<String> currentName() {
    Path f = home.currentFile();
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  /** The next version number: one above every version present or named by CURRENT. */
  int nextNumber() {
    int max = 0;
    for (String v : home.versions()) {
      max = Math.max(max, Integer.parseInt(v.substring(2)));
    }
    Optional<String> current = currentName();
    if (current.isPresent() && ModelHome.isVersionName(current.get())) {
      max = Math.max(max, Integer.parseInt(current.get().substring(2)));
    }
    return max + 1;
  }

  /** Points {@code CURRENT} at {@code version}: temporary file, then an atomic rename over the old one. */
  void switchTo(String version) {
    Path tmp = home.root().resolve(ModelHome.CURRENT + ".tmp");
    try {
      Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, home.currentFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IllegalStateException("the file system of " + home.currentFile() + " cannot rename atomically", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + home.currentFile() + " to " + version + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + home.root().resolve(LOCK) + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
