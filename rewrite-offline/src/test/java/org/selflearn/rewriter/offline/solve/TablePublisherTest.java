package org.selflearn.rewriter.offline.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;
import org.selflearn.rewriter.online.table.TableEntryCodec;
import org.selflearn.rewriter.online.table.TableStoreException;

class TablePublisherTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
  @TempDir
  Path dir;

  private static Map<String, TableEntry> entries(String target) {
    Map<String, TableEntry> m = new TreeMap<>();
    m.put("play maj and dragons", new TableEntry(target, 0.9, 80, 30, 0.05, 0.95));
    m.put("whats the weather in wooster", new TableEntry("whats the weather in worcester", 0.8, 20, 9, 0.1, 0.9));
    return m;
  }

  @Test
  void publishesAVersionThatReadersOpenAndKeepsOnlyTheConfiguredNumber() {
    TablePublisher p = new TablePublisher(CLOCK, 2);
    assertThat(p.publish(dir, entries("play imagine dragons"), Map.of())).isEqualTo("v-000001");
    p.publish(dir, entries("play imagine dragons"), Map.of());
    p.publish(dir, entries("play the band imagine dragons"), Map.of());
    try (RewriteTable t = RewriteTable.openCurrent(dir)) {
      assertThat(t.version()).isEqualTo("v-000003");
      assertThat(t.entries()).isEqualTo(2);
      assertThat(t.lookup("play maj and dragons").target()).isEqualTo("play the band imagine dragons");
      assertThat(t.lookup("unknown request")).isNull();
    }
    assertThat(dir.resolve("v-000001")).doesNotExist();
    assertThat(dir.resolve("v-000002")).exists();
  }

  @ParameterizedTest
  @EnumSource(value = PublishStep.class, names = {"SST_WRITTEN", "INGESTED", "MANIFEST_WRITTEN", "VERSION_RENAMED"})
  void aCrashBeforeTheSwitchLeavesThePreviousVersionServing(PublishStep crashAfter) {
    new TablePublisher(CLOCK, 3).publish(dir, entries("play imagine dragons"), Map.of());
    TablePublisher crashing = new TablePublisher(CLOCK, 3, step -> {
      if (step == crashAfter) {
        throw new IllegalStateException("killed after " + step);
      }
    });
    assertThatThrownBy(() -> crashing.publish(dir, entries("something else"), Map.of()))
        .hasMessageContaining("killed");
    try (RewriteTable t = RewriteTable.openCurrent(dir)) {
      assertThat(t.version()).isEqualTo("v-000001");
      assertThat(t.lookup("play maj and dragons").target()).isEqualTo("play imagine dragons");
    }
    // the next publish cleans up and succeeds
    new TablePublisher(CLOCK, 3).publish(dir, entries("play imagine dragons"), Map.of());
    try (RewriteTable t = RewriteTable.openCurrent(dir)) {
      assertThat(t.lookup("play maj and dragons")).isNotNull();
    }
  }

  @Test
  void anUnknownFormatVersionIsRefusedWithAClearError() throws IOException {
    new TablePublisher(CLOCK, 3).publish(dir, entries("x"), Map.of());
    Path manifest = dir.resolve("v-000001").resolve(RewriteTable.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
    assertThatThrownBy(() -> RewriteTable.openCurrent(dir)).isInstanceOf(TableStoreException.class)
        .hasMessageContaining("format version 9");
  }

  @Test
  void tableValuesOfVersionOneDecodeFromTheirGoldenBytes() {
    // golden bytes of TableEntryCodec version 1: must stay readable by every later reader
    String golden = "013feccccccccccccd3fa999999999999a3fee66666666666600000000000000500000000000"
        + "00001e706c617920696d6167696e6520647261676f6e73";
    TableEntry e = TableEntryCodec.decode(HexFormat.of().parseHex(golden));
    assertThat(e).isEqualTo(new TableEntry("play imagine dragons", 0.9, 80, 30, 0.05, 0.95));
    assertThat(HexFormat.of().formatHex(TableEntryCodec.encode(e))).isEqualTo(golden);
    byte[] v2 = HexFormat.of().parseHex(golden);
    v2[0] = 2;
    assertThatThrownBy(() -> TableEntryCodec.decode(v2)).hasMessageContaining("version 2");
  }
}
