package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class VersionedBinaryTest {
  @Test
  void shouldWriteARecordInsideAnotherOneWithoutMixingTheirBytes() {
    byte[] outer = VersionedBinary.write((byte) 1, 4, out -> {
      out.writeUTF("outer");
      byte[] inner = VersionedBinary.write((byte) 2, 4, in -> in.writeUTF("inner"));
      out.writeInt(inner.length);
      out.write(inner);
      out.writeUTF("end");
    });
    String[] read = VersionedBinary.read(outer, (byte) 1, "outer", in -> {
      String a = in.readUTF();
      byte[] inner = new byte[in.readInt()];
      in.readFully(inner);
      String b = VersionedBinary.read(inner, (byte) 2, "inner", DataInputReader::utf);
      return new String[] {a, b, in.readUTF()};
    });
    assertThat(read).containsExactly("outer", "inner", "end");
  }

  @Test
  void shouldStartCleanAfterAFailedWrite() {
    assertThatThrownBy(() -> VersionedBinary.write((byte) 1, 4, out -> {
      out.writeUTF("partial");
      out.writeUTF("€".repeat(30_000));
    })).isInstanceOf(UncheckedIOException.class);
    assertThat(VersionedBinary.write((byte) 3, 4, out -> out.writeByte(7))).containsExactly(3, 7);
  }

  @Test
  void shouldRefuseAnotherVersionAndATruncatedForm() {
    byte[] b = VersionedBinary.write((byte) 1, 4, out -> out.writeLong(42));
    assertThatThrownBy(() -> VersionedBinary.read(b, (byte) 2, "Thing", in -> in.readLong()))
        .hasMessageContaining("unknown Thing format version 1, expected 2");
    byte[] cut = java.util.Arrays.copyOf(b, 5);
    assertThatThrownBy(() -> VersionedBinary.read(cut, (byte) 1, "Thing", in -> in.readLong()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated Thing (5 bytes)");
  }

  /** A reader of one string. */
  private static final class DataInputReader {
    static String utf(java.io.DataInput in) throws java.io.IOException {
      return in.readUTF();
    }
  }
}
