package org.selflearn.rewriter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.selflearn.rewriter.common.text.Similarity;
import org.selflearn.rewriter.common.text.TextNormalizer;

/**
 * A world built from a public corpus under {@code ../shared/data} (read in place, never copied into the project):
 * SLURP, HWU64 or SNIPS commands with their intents and entities as the intended requests, and optionally real
 * speech-recognition confusions of entities (SLURP's ASR-versus-gold entity differences, filtered by spelling
 * similarity so that span errors are left out). Entities without a real confusion get generated ones.
 */
public final class CorpusWorld {
  private static final int MAX_REQUESTS = 1500;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CorpusWorld() {}

  /** Loads a corpus world; fails with a message naming the missing file. */
  public static List<WorldRequest> load(String corpus, Path dataDir, Path confusionsFile, long seed) {
    List<Sentence> sentences = switch (corpus) {
      case "slurp" -> slurp(dataDir.resolve("slurp"));
      case "hwu64" -> hwu64(dataDir.resolve("hwu64/hwu64_annotated_testfolds.jsonl"));
      case "snips" -> snips(dataDir.resolve("snips"));
      default -> throw new IllegalArgumentException("--corpus: unknown corpus \"" + corpus
          + "\", expected one of [slurp, hwu64, snips]");
    };
    Map<String, List<String>> real = confusionsFile == null ? Map.of() : realConfusions(confusionsFile);
    SplittableRandom rng = new SplittableRandom(seed ^ 0xC0FFEEL);
    Map<String, WorldRequest> out = new LinkedHashMap<>();
    for (Sentence s : sentences) {
      if (out.size() >= MAX_REQUESTS || out.containsKey(s.text) || s.text.split(" ").length < 2) {
        continue;
      }
      List<String> confusions = new ArrayList<>();
      for (String value : s.slots.values()) {
        for (String heard : real.getOrDefault(value, List.of())) {
          String c = s.text.replace(value, heard);
          if (!c.equals(s.text) && !confusions.contains(c)) {
            confusions.add(c);
          }
        }
      }
      if (confusions.isEmpty() && !s.slots.isEmpty() && rng.nextDouble() < 0.4) {
        String c = ConfusionGenerator.mishear(s.text, rng);
        if (!c.equals(s.text)) {
          confusions.add(TextNormalizer.normalize(c));
        }
      }
      double rate = confusions.isEmpty() ? 0 : 0.2 + 0.3 * rng.nextDouble();
      out.put(s.text, new WorldRequest(s.text, s.domain, s.intent, s.slots, List.of(),
          confusions.subList(0, Math.min(3, confusions.size())), rate, WorldRequest.Kind.NORMAL, null));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--corpus " + corpus + ": no usable sentences under " + dataDir);
    }
    return new ArrayList<>(out.values());
  }

  private record Sentence(String text, String domain, String intent, Map<String, String> slots) {}

  private static List<Sentence> slurp(Path dir) {
    List<Sentence> out = new ArrayList<>();
    for (String f : new String[] {"test.jsonl", "devel.jsonl"}) {
      for (JsonNode n : jsonLines(dir.resolve(f))) {
        JsonNode tokens = n.get("tokens");
        Map<String, String> slots = new HashMap<>();
        for (JsonNode e : n.path("entities")) {
          StringBuilder v = new StringBuilder();
          for (JsonNode i : e.get("span")) {
            v.append(v.isEmpty() ? "" : " ").append(tokens.get(i.asInt()).get("surface").asText());
          }
          slots.put(e.get("type").asText(), TextNormalizer.normalize(v.toString()));
        }
        out.add(new Sentence(TextNormalizer.normalize(n.get("sentence").asText()), n.get("scenario").asText(),
            n.get("intent").asText(), slots));
      }
    }
    return out;
  }

  private static List<Sentence> hwu64(Path file) {
    List<Sentence> out = new ArrayList<>();
    for (JsonNode n : jsonLines(file)) {
      Map<String, String> slots = new HashMap<>();
      for (JsonNode e : n.path("entities")) {
        slots.put(e.get("entity").asText(), TextNormalizer.normalize(e.get("value").asText()));
      }
      String intent = n.get("intent").asText();
      out.add(new Sentence(TextNormalizer.normalize(n.get("text").asText()), intent.split("_")[0], intent, slots));
    }
    return out;
  }

  private static List<Sentence> snips(Path dir) {
    List<Sentence> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("train_")).sorted().toList()) {
        JsonNode root = MAPPER.readTree(f.toFile());
        String intent = root.fieldNames().next();
        for (JsonNode utt : root.get(intent)) {
          StringBuilder text = new StringBuilder();
          Map<String, String> slots = new HashMap<>();
          for (JsonNode seg : utt.get("data")) {
            text.append(seg.get("text").asText());
            if (seg.has("entity")) {
              slots.put(seg.get("entity").asText(), TextNormalizer.normalize(seg.get("text").asText()));
            }
          }
          out.add(new Sentence(TextNormalizer.normalize(text.toString()), intent, intent, slots));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SNIPS corpus under " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Map<String, List<String>> realConfusions(Path file) {
    Map<String, List<String>> out = new HashMap<>();
    try {
      for (JsonNode n : MAPPER.readTree(file.toFile())) {
        String gold = TextNormalizer.normalize(n.get("gold").asText());
        String heard = TextNormalizer.normalize(n.get("asr_filler").asText());
        if (!gold.equals(heard) && Similarity.trigramDice(gold, heard) >= 0.3
            && Math.abs(gold.length() - heard.length()) <= Math.max(3, gold.length() / 2)) {
          List<String> l = out.computeIfAbsent(gold, k -> new ArrayList<>());
          if (!l.contains(heard)) {
            l.add(heard);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read confusions " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static List<JsonNode> jsonLines(Path file) {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus file " + file + " (is ../shared/data present?): "
          + e.getMessage(), e);
    }
    return out;
  }
}
