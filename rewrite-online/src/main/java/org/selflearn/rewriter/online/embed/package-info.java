/**
 * Dense sentence embeddings for the dense retriever: {@link org.selflearn.rewriter.online.embed.Embedder} and its
 * implementation on DJL + ONNX Runtime ({@link org.selflearn.rewriter.online.embed.OnnxEmbedder}), by default the
 * quantised all-MiniLM-L6-v2 shipped in a Maven Central jar (extracted from the class path, never downloaded),
 * with mean pooling and L2 normalisation (Reimers &amp; Gurevych 2019, "Sentence-BERT"). A DJL {@code Predictor} is
 * not thread-safe: the model is shared and each thread gets its own predictor.
 */
package org.selflearn.rewriter.online.embed;
