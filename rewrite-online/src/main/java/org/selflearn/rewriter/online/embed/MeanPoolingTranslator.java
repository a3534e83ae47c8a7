package org.selflearn.rewriter.online.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Tokenises one text, runs the encoder, and mean-pools the token embeddings over the attention mask, then
 * L2-normalises: the sentence-transformers recipe for all-MiniLM-L6-v2.
 */
final class MeanPoolingTranslator implements NoBatchifyTranslator<String, float[]> {
  private final HuggingFaceTokenizer tokenizer;
  private final boolean tokenTypes;

  MeanPoolingTranslator(HuggingFaceTokenizer tokenizer, boolean tokenTypes) {
    this.tokenizer = tokenizer;
    this.tokenTypes = tokenTypes;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, String input) {
    Encoding enc = tokenizer.encode(input);
    NDManager m = ctx.getNDManager();
    long[] mask = enc.getAttentionMask();
    ctx.setAttachment("mask", mask);
    NDArray ids = m.create(enc.getIds()).expandDims(0);
    ids.setName("input_ids");
    NDArray att = m.create(mask).expandDims(0);
    att.setName("attention_mask");
    if (!tokenTypes) {
      return new NDList(ids, att);
    }
    NDArray types = m.create(enc.getTypeIds()).expandDims(0);
    types.setName("token_type_ids");
    return new NDList(ids, att, types);
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    long[] mask = (long[]) ctx.getAttachment("mask");
    NDArray hidden = list.get(0); // [1, tokens, dim]
    long[] shape = hidden.getShape().getShape();
    int tokens = (int) shape[1];
    int dim = (int) shape[2];
    float[] all = hidden.toFloatArray();
    float[] out = new float[dim];
    int used = 0;
    for (int t = 0; t < tokens; t++) {
      if (t < mask.length && mask[t] == 0) {
        continue;
      }
      used++;
      for (int d = 0; d < dim; d++) {
        out[d] += all[t * dim + d];
      }
    }
    double norm = 0;
    for (int d = 0; d < dim; d++) {
      out[d] /= Math.max(1, used);
      norm += out[d] * out[d];
    }
    float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
    for (int d = 0; d < dim; d++) {
      out[d] *= inv;
    }
    return out;
  }
}
