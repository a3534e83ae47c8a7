package org.selflearn.rewriter.offline.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Copies the input topic's events (from a point in time, or from the beginning) to a JSON Lines file, values as
 * received: self-calibration replays held-out raw turns, which no aggregate can stand in for.
 */
public final class InputTopicDump {
  private InputTopicDump() {}

  /**
   * Writes the events with a record timestamp at or after {@code sinceMillis} (0: everything the topic retains) to
   * {@code file} (gzip); returns how many.
   */
  public static long write(String bootstrap, String topic, long sinceMillis, Path file) {
    long[] n = new long[1];
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
        Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      TopicScan.toEnd(bootstrap, topic, sinceMillis, r -> {
        if (r.value() != null && r.value().length > 0) {
          try {
            out.write(new String(r.value(), StandardCharsets.UTF_8).replace('\n', ' '));
            out.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          n[0]++;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(),
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
    return n[0];
  }
}
