package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteArrayDataOutput} writes exactly {@link DataOutputStream}'s bytes; {@link ByteArrayDataInput} reads them. */
class ByteArrayDataTest {
  private static final String[] ALPHABETS = {"abc xyz|\t", "\u0000", "éüß", "€中文", "\uD83C\uDFB5"};

  private static String randomString(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      String alphabet = ALPHABETS[r.nextInt(10) < 7 ? 0 : r.nextInt(ALPHABETS.length)];
      int at = r.nextInt(alphabet.length());
      b.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet : String.valueOf(alphabet.charAt(at)));
    }
    return b.toString();
  }

  private static void writeAll(DataOutput out, List<String> strings, long seed) throws IOException {
    Random r = new Random(seed);
    for (String s : strings) {
      out.writeUTF(s);
      out.writeInt(r.nextInt());
      out.writeLong(r.nextLong());
      out.writeByte(r.nextInt());
      out.writeBoolean(r.nextBoolean());
      out.writeShort(r.nextInt());
      out.writeChar(r.nextInt());
      out.writeDouble(r.nextDouble());
      out.writeFloat(r.nextFloat());
    }
    out.writeBytes("ascii");
    out.writeChars("chars€");
    out.write(new byte[] {1, 2, 3}, 1, 2);
  }

  private static void readAll(DataInput in, List<String> strings, long seed) throws IOException {
    Random r = new Random(seed);
    for (String s : strings) {
      assertThat(in.readUTF()).isEqualTo(s);
      assertThat(in.readInt()).isEqualTo(r.nextInt());
      assertThat(in.readLong()).isEqualTo(r.nextLong());
      assertThat(in.readByte()).isEqualTo((byte) r.nextInt());
      assertThat(in.readBoolean()).isEqualTo(r.nextBoolean());
      assertThat(in.readShort()).isEqualTo((short) r.nextInt());
      assertThat(in.readChar()).isEqualTo((char) r.nextInt());
      assertThat(in.readDouble()).isEqualTo(r.nextDouble());
      assertThat(in.readFloat()).isEqualTo(r.nextFloat());
    }
  }

  @Test
  void shouldWriteTheBytesOfDataOutputStreamAndReadThemBack() throws IOException {
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      List<String> strings = new ArrayList<>();
      for (int i = r.nextInt(20); i >= 0; i--) {
        strings.add(randomString(r));
      }
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      writeAll(new DataOutputStream(expected), strings, seed);
      ByteArrayDataOutput out = new ByteArrayDataOutput(1);
      writeAll(out, strings, seed);
      assertThat(out.toByteArray()).as("seed %d", seed).isEqualTo(expected.toByteArray());
      readAll(new ByteArrayDataInput(expected.toByteArray()), strings, seed);
    }
  }

  @Test
  void shouldRefuseAStringBeyondSixtyFourKibibytesAndReadingPastTheEnd() {
    assertThatThrownBy(() -> new ByteArrayDataOutput(8).writeUTF("€".repeat(30_000)))
        .isInstanceOf(UTFDataFormatException.class);
    ByteArrayDataInput in = new ByteArrayDataInput(new byte[] {0, 5, 'a', 'b'});
    assertThatThrownBy(in::readUTF).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> new ByteArrayDataInput(new byte[3]).readInt()).isInstanceOf(EOFException.class);
  }

  @Test
  void shouldDecodeNonAsciiLikeDataInputStream() throws IOException {
    byte[] bad = {0, 2, (byte) 0xC3, 0x28}; // a broken two-byte sequence
    assertThatThrownBy(() -> new ByteArrayDataInput(bad).readUTF()).isInstanceOf(UTFDataFormatException.class);
    assertThatThrownBy(() -> new DataInputStream(new ByteArrayInputStream(bad)).readUTF())
        .isInstanceOf(UTFDataFormatException.class);
  }
}
