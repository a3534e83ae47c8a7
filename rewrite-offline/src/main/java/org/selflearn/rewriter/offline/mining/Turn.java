package org.selflearn.rewriter.offline.mining;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.markov.StateNames;

/**
 * What mining keeps of an event: compact, serialisable (for the streaming job's state store), no truth.
 *
 * @param eventId event id
 * @param timestampMs event time
 * @param customerId customer (kept for distinct counting only; never logged)
 * @param device device id or type, may be empty
 * @param deviceType device type
 * @param heard normalised heard utterance
 * @param state the Markov state of this turn
 * @param domainIntent {@code domain|intent} or empty
 * @param interpretation the NLU interpretation key (domain, intent, slots) or empty when the event has no NLU
 * @param failed response status was ERROR or UNHANDLED
 * @param bargeIn the customer barged in
 * @param feedback explicit feedback
 * @param engagementMs engagement
 */
public record Turn(String eventId, long timestampMs, String customerId, String device, DeviceType deviceType,
    String heard, String state,
    String domainIntent, String interpretation, boolean failed, boolean bargeIn, Feedback feedback, long engagementMs) {

  /** Builds the turn of an event; {@code interpretationState} selects the INTERPRETATION state key. */
  public static Turn of(InteractionEvent e, boolean interpretationState) {
    String heard = TextNormalizer.normalize(e.utterance());
    String base = interpretationState && e.nlu() != null ? e.nlu().interpretationKey() : heard;
    String state = e.rewrite() == null ? base
        : StateNames.rewritten(base, TextNormalizer.normalize(e.rewrite().to()));
    String device = e.deviceId() != null ? e.deviceId() : e.deviceType().name();
    return new Turn(e.eventId(), e.timestamp().toEpochMilli(), e.customerId(), device, e.deviceType(), heard, state,
        e.nlu() == null ? "" : e.nlu().domainIntent(), e.nlu() == null ? "" : e.nlu().interpretationKey(),
        e.response().status().isFailure(), e.signals().bargeIn(),
        e.signals().feedback(), e.signals().engagementMs());
  }

  /** A defect signal carried by the turn itself (not counting a rephrase that follows). */
  public boolean ownDefect() {
    return failed || bargeIn || feedback == Feedback.NEGATIVE;
  }

  /** Clear evidence that the turn served the customer. */
  public boolean strongSuccess(long engagementThresholdMs) {
    return !ownDefect() && (feedback == Feedback.POSITIVE || engagementMs >= engagementThresholdMs);
  }

  void write(DataOutput out) throws IOException {
    out.writeUTF(eventId);
    out.writeLong(timestampMs);
    out.writeUTF(customerId);
    out.writeUTF(device);
    out.writeByte(deviceType.ordinal());
    out.writeUTF(heard);
    out.writeUTF(state);
    out.writeUTF(domainIntent);
    out.writeUTF(interpretation);
    out.writeByte((failed ? 1 : 0) | (bargeIn ? 2 : 0));
    out.writeByte(feedback.ordinal());
    out.writeLong(engagementMs);
  }

  static Turn read(DataInput in) throws IOException {
    String id = in.readUTF();
    long ts = in.readLong();
    String customer = in.readUTF();
    String device = in.readUTF();
    DeviceType type = DeviceType.values()[in.readByte()];
    String heard = in.readUTF();
    String state = in.readUTF();
    String di = in.readUTF();
    String interpretation = in.readUTF();
    int flags = in.readByte();
    Feedback fb = Feedback.values()[in.readByte()];
    long eng = in.readLong();
    return new Turn(id, ts, customer, device, type, heard, state, di, interpretation, (flags & 1) != 0, (flags & 2) != 0, fb, eng);
  }
}
