/**
 * Benchmarks that print figures ({@code ./rewrite bench ...}): file-mode mining throughput, streaming throughput
 * through the in-process broker, solve time by number of groups, table build/publish and point lookups, and online
 * rewrite latency. Never timed assertions in tests: figures are printed and copied into the README.
 */
package org.selflearn.rewriter.offline.bench;
