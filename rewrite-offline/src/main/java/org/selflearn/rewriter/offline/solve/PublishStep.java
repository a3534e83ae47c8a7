package org.selflearn.rewriter.offline.solve;

/** The steps of a publish, in order; a test hook may fail between any two to check crash safety. */
public enum PublishStep { SST_WRITTEN, INGESTED, MANIFEST_WRITTEN, VERSION_RENAMED, CURRENT_SWITCHED, PRUNED }
