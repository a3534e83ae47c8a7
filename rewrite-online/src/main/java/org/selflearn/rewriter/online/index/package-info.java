/**
 * The two retrieval layers. {@link org.selflearn.rewriter.online.index.GlobalIndex} is a Lucene index of requests
 * that succeed for many customers (only those with at least {@code online.global-min-customers} distinct successful
 * customers are servable: a privacy gate), searched three ways: character trigrams, Double Metaphone codes, and an
 * HNSW graph over sentence embeddings (Malkov &amp; Yashunin 2018). It also answers the prior of any frequent request
 * (how often it succeeds). {@link org.selflearn.rewriter.online.index.PersonalMemory} keeps, per customer, their own
 * successful requests and their own rephrase pairs in RocksDB, keyed by a hash of the customer id, erasable on request.
 */
package org.selflearn.rewriter.online.index;
