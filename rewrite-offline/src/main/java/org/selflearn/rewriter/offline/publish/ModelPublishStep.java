package org.selflearn.rewriter.offline.publish;

/** The steps of a whole-model publish, in order; a test hook may fail after any of them to check crash safety. */
public enum ModelPublishStep { TRAINED, VALIDATED, VERSION_RENAMED, CURRENT_SWITCHED, PRUNED }
