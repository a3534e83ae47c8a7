/**
 * The {@code ./rewrite} command line (picocli). Commands only parse arguments and wire the parts together; the work is
 * done by the mining, solve, replay and streaming packages and by {@code rewrite-online}. Exit codes: 0 success,
 * 2 bad usage or bad input (the message names the option, file, field or key), 1 internal failure.
 */
package org.selflearn.rewriter.offline.cli;
