package org.selflearn.rewriter.offline.stream;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * Lets a processor forward records from its {@link CommitHook}, that is while the task commits rather than while it
 * processes or punctuates. Kafka Streams 4.3 allows {@code forward} only where a current node is set; this sets the
 * processor's own node and a record context without a source record, as {@code StreamTask.punctuate} does (and as a
 * caching store's flush does for its downstream), runs the forwards, and restores what was there. What is forwarded
 * goes to the task's producer before the task flushes it and commits the transaction, so it lands in the same
 * transaction as the input offsets it reflects.
 *
 * <p>Uses {@link InternalProcessorContext}, an internal Kafka Streams interface, like {@link CommitHook}; the version
 * is pinned (design.md), and {@code StreamMiningIT} (equality with file mode, a killed job, a restarted broker) checks
 * the result.
 */
final class CommitForwarder {
  private final InternalProcessorContext<?, ?> context;
  private final ProcessorNode<?, ?, ?, ?> node;

  /** Captures the processor's node; call from {@code Processor.init}, where Kafka Streams has set it. */
  CommitForwarder(ProcessorContext<?, ?> processorContext) {
    if (!(processorContext instanceof InternalProcessorContext<?, ?> internal) || internal.currentNode() == null) {
      throw new IllegalStateException("CommitForwarder needs Kafka Streams' own processor context with its current"
          + " node (from Processor.init), got " + processorContext.getClass().getName());
    }
    this.context = internal;
    this.node = internal.currentNode();
  }

  /** Runs {@code forwards} as the processor's node would in a punctuation at {@code timestampMs}. */
  void run(long timestampMs, Runnable forwards) {
    ProcessorNode<?, ?, ?, ?> previousNode = context.currentNode();
    ProcessorRecordContext previousRecord = context.recordContext();
    context.setRecordContext(new ProcessorRecordContext(timestampMs, -1L, -1, null, new RecordHeaders()));
    context.setCurrentNode(node);
    try {
      forwards.run();
    } finally {
      context.setCurrentNode(previousNode);
      context.setRecordContext(previousRecord);
    }
  }
}
