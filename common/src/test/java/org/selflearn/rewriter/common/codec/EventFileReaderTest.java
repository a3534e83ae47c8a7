package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.InteractionEvent;

class EventFileReaderTest {
  @TempDir
  Path dir;

  static String good(String id) {
    return EventCodecTest.GOOD.replace("\"e-1\"", "\"" + id + "\"");
  }

  static List<String> mixedLines() {
    return List.of(good("a"), "not json at all", good("b"), good("c").replace("\"utterance\":", "\"utt\":"),
        "", good("d").replace("\"deviceType\":\"SPEAKER\"", "\"deviceType\":\"FRIDGE\""), good("b"),
        good("e").replace("2026-11-20T07:02:11.000Z", "2026-13-45"), good("f"),
        good("g").replace("\"bargeIn\":false", "\"bargeIn\":\"no\""));
  }

  @Test
  void shouldKeepEveryGoodEventAndRejectEveryBadOneWithLineAndField() throws IOException {
    Path f = dir.resolve("mixed.jsonl");
    Files.write(f, mixedLines(), StandardCharsets.UTF_8);
    List<InteractionEvent> ok = new ArrayList<>();
    List<Rejection> bad = new ArrayList<>();
    EventFileReader.ReadCounts c = EventFileReader.forEach(f, ok::add, bad::add);
    assertThat(ok).extracting(InteractionEvent::eventId).containsExactly("a", "b", "f");
    assertThat(bad).extracting(Rejection::field).containsExactly("$", "utterance", "deviceType", "eventId",
        "timestamp", "signals.bargeIn");
    assertThat(bad).extracting(Rejection::lineNumber).containsExactly(2L, 4L, 6L, 7L, 8L, 10L);
    assertThat(c.events()).isEqualTo(3);
    assertThat(c.rejected()).isEqualTo(6);
    assertThat(bad.get(3).reason()).contains("duplicate");
  }

  @Test
  void shouldReadGzippedLogs() throws IOException {
    Path f = dir.resolve("logs.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write((good("x") + "\n" + good("y") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    List<InteractionEvent> ok = new ArrayList<>();
    EventFileReader.forEach(f, ok::add, r -> { });
    assertThat(ok).hasSize(2);
  }

  @Test
  void readingIntoMemoryKeepsExactlyTheEventsStreamingKeepsInFileOrder() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4_321; i++) { // several decoding batches, with bad, blank and duplicate lines among them
      lines.addAll(i % 97 == 0 ? mixedLines() : List.of(good("n" + i)));
      if (i % 1_000 == 0) {
        lines.add(good("n" + (i / 2)));
      }
    }
    Path plain = dir.resolve("many.jsonl");
    Files.write(plain, lines, StandardCharsets.UTF_8);
    Path zipped = dir.resolve("many.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    List<InteractionEvent> streamed = new ArrayList<>();
    EventFileReader.forEach(plain, streamed::add, r -> { });
    assertThat(streamed).hasSizeLessThan(lines.size());
    assertThat(EventFileReader.readValid(plain, 2)).containsExactlyElementsOf(streamed);
    assertThat(EventFileReader.readValid(zipped, 3)).containsExactlyElementsOf(streamed);
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    assertThat(EventFileReader.readValid(empty, 1)).isEmpty();
  }

  @Test
  void shouldForgetIdsBeyondTheHorizon() {
    DuplicateFilter f = new DuplicateFilter(2);
    assertThat(f.firstTime("a")).isTrue();
    assertThat(f.firstTime("a")).isFalse();
    f.firstTime("b");
    f.firstTime("c");
    assertThat(f.firstTime("a")).isTrue();
  }
}
