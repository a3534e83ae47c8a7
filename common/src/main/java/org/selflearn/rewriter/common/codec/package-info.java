/**
 * The strict JSON codec of log format version 1: {@link org.selflearn.rewriter.common.codec.EventCodec} turns one
 * line into an event or a {@link org.selflearn.rewriter.common.codec.Rejection} naming the field and the reason,
 * {@link org.selflearn.rewriter.common.codec.EventFileReader} streams {@code .jsonl} and {@code .jsonl.gz} files in
 * constant memory, and {@link org.selflearn.rewriter.common.codec.DuplicateFilter} drops redelivered event ids
 * within a bounded horizon. {@link org.selflearn.rewriter.common.codec.Jackson} is the one configured Jackson mapper
 * every module reads and writes its JSON files with. {@link org.selflearn.rewriter.common.codec.VersionedBinary} is the
 * one form of stored binary records (a version byte, then {@code DataOutput} fields), written and read on byte arrays
 * by {@link org.selflearn.rewriter.common.codec.ByteArrayDataOutput} and
 * {@link org.selflearn.rewriter.common.codec.ByteArrayDataInput} (the bytes of {@code DataOutputStream}, without its
 * stream and locks).
 *
 * <p>A bad line never stops a reader and never drops a good line: every line ends either as an event or as a
 * rejection, and callers count both. Unknown fields are ignored, as the format requires for forward compatibility.
 */
package org.selflearn.rewriter.common.codec;
