/**
 * The precomputed rewrite table: a RocksDB database, opened read-only, keyed by the normalised source request.
 *
 * <p>Layout of a table directory: {@code v-000001/}, {@code v-000002/}, ... each a complete RocksDB database built
 * from one SST file and a {@code manifest.json}; {@code CURRENT} names the version that serves. A publisher writes a
 * new version completely, then replaces {@code CURRENT} by an atomic rename, so a reader never sees a half-written
 * table and a crash leaves the previous version serving. Values are encoded by {@link
 * org.selflearn.rewriter.online.table.TableEntryCodec} with a leading format version byte.
 */
package org.selflearn.rewriter.online.table;
