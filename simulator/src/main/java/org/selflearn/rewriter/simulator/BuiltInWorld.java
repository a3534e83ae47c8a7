package org.selflearn.rewriter.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The project's own demo world: music, smart home, weather, timers and alarms, shopping, questions, requests no
 * assistant can serve, and ambiguous place names for the personal slice. Entities and confusions were written for
 * this project (none is copied from a corpus).
 */
public final class BuiltInWorld {
  private static final String[][] ARTISTS = {
      {"imagine dragons", "maj and dragons", "imagine dragon", "magine dragons"},
      {"coldplay", "cold play", "gold play"},
      {"lady gaga", "lady gogo", "lady gag a"},
      {"the weeknd", "the weekend", "the week end"},
      {"billie eilish", "billy eyelash", "billie irish"},
      {"bazzi", "bassi", "buzzy"},
      {"ed sheeran", "ed shearing", "head sheeran"},
      {"beyonce", "be on say", "beyond say"},
      {"maroon five", "maroon fine", "marooned five"},
      {"the lumineers", "the luminaries", "the lumen ears"},
      {"kygo", "key go", "kai go"},
      {"hozier", "hosier", "hose ear"},
      {"lorde", "lord", "lore"},
      {"post malone", "post baloney", "most malone"},
      {"florence and the machine", "florence in the machine", "flowers and the machine"},
      {"twenty one pilots", "twenty one pirates", "twenty pilots"},
      {"fleetwood mac", "fleetwood mack", "feetwood mac"},
      {"dua lipa", "dua leaper", "do a lipa"},
      {"khalid", "collide", "ka leed"},
      {"sza", "says a", "siza"},
      {"the beatles"}, {"taylor swift"}, {"adele"}, {"queen"}, {"abba"}, {"bruno mars"}, {"shakira"},
      {"drake"}, {"rihanna"}, {"eminem"}, {"nirvana"}, {"metallica"}};
  private static final String[] GENRES = {"jazz", "classical music", "country music", "hip hop", "lo fi beats",
      "rock music", "piano music", "eighties hits"};
  private static final String[][] ROOMS = {{"kitchen", "chicken"}, {"living room", "leaving room"},
      {"garage", "garbage"}, {"hallway", "hail way"}, {"basement", "bass mint"}, {"bedroom"}, {"office"},
      {"bathroom"}};
  private static final String[][] CITIES = {{"seattle"}, {"boston"}, {"chicago"}, {"denver"}, {"austin"},
      {"miami"}, {"atlanta"}, {"san diego"}, {"albuquerque", "albu kirk", "al bakerky"},
      {"worcester", "wooster", "worse ester"}, {"tucson", "tuck son", "two sun"},
      {"sacramento", "sacra mento", "secret memento"}, {"schenectady", "skin active", "sconect ady"},
      {"poughkeepsie", "pokey see", "po kipsy"}, {"des moines", "the moines", "day moines"},
      {"boise", "boys e", "boys see"}, {"spokane", "spoke can", "spoken"}, {"la jolla", "la hoya", "la jolly"},
      {"yosemite", "yo semite", "yo sem it"}, {"pittsburgh"}, {"nashville"}, {"phoenix"}};
  private static final String[][] AMBIGUOUS = {{"wilkerson", "washington", "california"},
      {"springfield", "illinois", "missouri"}, {"fairview", "oregon", "texas"}};
  private static final int[] TIMER_MINUTES = {1, 2, 3, 5, 10, 15, 20, 25, 30, 45, 60, 90};
  private static final String[][] ITEMS = {{"paper towels"}, {"almond milk"}, {"dish soap"}, {"coffee beans"},
      {"olive oil"}, {"batteries"}, {"toothpaste"}, {"greek yogurt", "great yogurt"}, {"quinoa", "keen wa", "kin wa"},
      {"sriracha", "sir rancha", "see racha"}, {"kombucha", "come butcha", "kombu cha"},
      {"gnocchi", "no key", "knock he"}, {"worcestershire sauce", "worcester sure sauce", "wooster sauce"},
      {"edamame", "ed a mommy", "eat a mame"}, {"prosciutto", "pro shoot oh", "pro suit o"}, {"bananas"}};
  private static final String[][] QUESTIONS = {{"how tall is mount everest"}, {"what time is it"},
      {"how many ounces in a cup"}, {"what is the capital of australia"}, {"tell me a joke"},
      {"whats on my calendar today"}, {"how far is the moon"}, {"what day is it"}};
  private static final String[] UNFIXABLE = {"book a flight to mars", "teleport me to the office",
      "order a pizza from the moon", "call my goldfish", "play my neighbours playlist", "make me invisible"};

  private BuiltInWorld() {}

  /** Builds the world; confusion rates are drawn from the seed. */
  public static List<WorldRequest> build(long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED5EEDL);
    List<WorldRequest> out = new ArrayList<>();
    for (String[] a : ARTISTS) {
      add(out, rng, "play " + a[0], "Music", "PlayMusic", "artist", a,
          List.of("play music by " + a[0], "play songs by " + a[0]));
      add(out, rng, "play the latest album by " + a[0], "Music", "PlayAlbum", "artist", a,
          List.of("play the new album by " + a[0]));
    }
    for (String g : GENRES) {
      add(out, rng, "play some " + g, "Music", "PlayMusic", "genre", new String[] {g},
          List.of("play " + g));
    }
    for (String[] r : ROOMS) {
      add(out, rng, "turn on the " + r[0] + " lights", "SmartHome", "TurnOn", "device", r,
          List.of("switch on the " + r[0] + " lights"));
      add(out, rng, "turn off the " + r[0] + " lights", "SmartHome", "TurnOff", "device", r,
          List.of("switch off the " + r[0] + " lights"));
    }
    for (int t = 66; t <= 74; t += 2) {
      String n = org.selflearn.rewriter.common.text.TextNormalizer.numberToWords(t);
      add(out, rng, "set the thermostat to " + n + " degrees", "SmartHome", "SetTemperature", "temperature",
          new String[] {n}, List.of("change the thermostat to " + n + " degrees"));
    }
    for (String[] c : CITIES) {
      add(out, rng, "whats the weather in " + c[0], "Weather", "GetWeather", "city", c,
          List.of("what is the weather in " + c[0], "weather in " + c[0]));
      add(out, rng, "will it rain in " + c[0] + " tomorrow", "Weather", "GetRain", "city", c,
          List.of("is it going to rain in " + c[0] + " tomorrow"));
    }
    for (String[] amb : AMBIGUOUS) {
      String shortForm = "whats the weather in " + amb[0];
      out.add(new WorldRequest(shortForm, "Weather", "GetWeather", Map.of("city", amb[0]),
          List.of("what is the weather in " + amb[0]), List.of(), 0, WorldRequest.Kind.NORMAL, null));
      String longForm = shortForm + " " + amb[2];
      out.add(new WorldRequest(longForm, "Weather", "GetWeather", Map.of("city", amb[0] + " " + amb[2]),
          List.of("what is the weather in " + amb[0] + " " + amb[2]), List.of(), 0,
          WorldRequest.Kind.AMBIGUOUS_LONG, shortForm));
    }
    for (int m : TIMER_MINUTES) {
      String n = org.selflearn.rewriter.common.text.TextNormalizer.numberToWords(m);
      out.add(new WorldRequest("set a timer for " + n + " minutes", "Timer", "SetTimer", Map.of("duration",
          n + " minutes"), List.of("start a timer for " + n + " minutes"),
          m == 15 ? List.of("set a timer for fifty minutes") : m == 60 ? List.of("set a timer for sixteen minutes")
              : List.of(), m == 15 || m == 60 ? 0.25 : 0, WorldRequest.Kind.NORMAL, null));
    }
    for (String[] i : ITEMS) {
      add(out, rng, "add " + i[0] + " to my shopping list", "Shopping", "AddToList", "item", i,
          List.of("put " + i[0] + " on my shopping list"));
      add(out, rng, "order more " + i[0], "Shopping", "Reorder", "item", i, List.of("buy more " + i[0]));
    }
    for (String[] q : QUESTIONS) {
      out.add(new WorldRequest(q[0], "Knowledge", "Question", Map.of(), List.of(), List.of(), 0,
          WorldRequest.Kind.NORMAL, null));
    }
    for (String u : UNFIXABLE) {
      out.add(new WorldRequest(u, "Unknown", "Unsupported", Map.of(), List.of("please " + u), List.of(), 0,
          WorldRequest.Kind.UNFIXABLE, null));
    }
    return out;
  }

  private static void add(List<WorldRequest> out, SplittableRandom rng, String intended, String domain,
      String intent, String slot, String[] entity, List<String> equivalents) {
    List<String> confusions = new ArrayList<>();
    for (int i = 1; i < entity.length; i++) {
      confusions.add(intended.replace(entity[0], entity[i]));
    }
    double rate = confusions.isEmpty() ? 0 : 0.2 + 0.3 * rng.nextDouble();
    out.add(new WorldRequest(intended, domain, intent, Map.of(slot, entity[0]), equivalents, confusions, rate,
        WorldRequest.Kind.NORMAL, null));
  }
}
