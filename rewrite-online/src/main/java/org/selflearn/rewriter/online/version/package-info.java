/**
 * Model versions and their lifetimes, after Lucene's {@code ReferenceManager} / {@code SearcherManager}: a request
 * {@link org.selflearn.rewriter.online.version.ModelVersions#acquire acquires} the version that is current when it
 * starts and releases it in a {@code finally}; a refresh installs a new version; the previous one is closed when its
 * last user releases it — never on a timer, and never while a request (or a retrieval task it handed to the pool)
 * still reads it. After {@link org.selflearn.rewriter.online.version.ModelVersions#close close} no version can be
 * acquired, so a late request answers without touching native memory (RocksDB, Lucene, ONNX Runtime).
 *
 * <p>Two levels of counting keep a swap cheap. A {@link org.selflearn.rewriter.online.version.ModelVersion} is
 * counted once per request (one compare-and-set); its native parts (table, global index, personal memory, embedder)
 * are each a {@link org.selflearn.rewriter.online.version.SharedResource} counted once per version that uses them. A
 * version that replaces only the table retains the other parts of its predecessor, so they stay open; a version built
 * from a whole new model directory ({@link org.selflearn.rewriter.online.version.VersionLoader}: a versioned model
 * directory's {@code CURRENT} moved) owns new parts, except the embedder when both manifests name the same one, and
 * the old ones close with the old version. Refreshes are
 * single-flight: one runs at a time under the manager's lock, concurrent callers wait and then find nothing new.
 *
 * <p>Not exported by the module: {@code QueryRewriter} is its only user (docs/adr/0008).
 */
package org.selflearn.rewriter.online.version;
