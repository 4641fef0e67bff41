package dev.claudenexus.systemtests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format, version 0.0.4. It rejects what a
 * Prometheus server would reject or what the format forbids: invalid metric or label names, bad
 * escapes in label values, values that are not numbers, samples of a family without a preceding
 * {@code # TYPE}, a family declared twice, and the same series twice.
 */
final class PrometheusText {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
  private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created", "");

  /** One sample line: its metric name, labels (sorted by name) and value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = List.copyOf(samples);
    this.types = Map.copyOf(types);
  }

  /**
   * Parses a scrape.
   *
   * @throws IllegalArgumentException naming the line number and what is wrong with it
   */
  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    Set<String> series = new HashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith("#")) {
          comment(line, types);
        } else {
          Sample sample = sample(line);
          requireDeclared(sample.name(), types);
          if (!series.add(sample.name() + sample.labels())) {
            throw new IllegalArgumentException("the series appears twice");
          }
          samples.add(sample);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Line " + number + " is invalid (" + e.getMessage() + "): " + line, e);
      }
    }
    return new PrometheusText(samples, types);
  }

  private static void comment(String line, Map<String, String> types) {
    String[] parts = line.split(" ", 4);
    if (parts.length < 3 || !parts[0].equals("#")) {
      return;
    }
    if (parts[1].equals("TYPE")) {
      if (parts.length != 4 || !METRIC_NAME.matcher(parts[2]).matches() || !TYPES.contains(parts[3])) {
        throw new IllegalArgumentException("a TYPE line needs a metric name and a known type");
      }
      if (types.put(parts[2], parts[3]) != null) {
        throw new IllegalArgumentException("the family " + parts[2] + " is declared twice");
      }
    } else if (parts[1].equals("HELP") && !METRIC_NAME.matcher(parts[2]).matches()) {
      throw new IllegalArgumentException("a HELP line needs a metric name");
    }
  }

  private static void requireDeclared(String name, Map<String, String> types) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
        return;
      }
    }
    throw new IllegalArgumentException("no TYPE line declares the family of " + name);
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    int nameEnd = brace >= 0 && (space < 0 || brace < space) ? brace : space;
    if (nameEnd <= 0) {
      throw new IllegalArgumentException("no value");
    }
    String name = line.substring(0, nameEnd);
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name");
    }
    Map<String, String> labels = new TreeMap<>();
    int position = nameEnd;
    if (position < line.length() && line.charAt(position) == '{') {
      position = labels(line, position + 1, labels);
    }
    if (position >= line.length() || line.charAt(position) != ' ') {
      throw new IllegalArgumentException("a space must separate the series from its value");
    }
    String[] rest = line.substring(position + 1).split(" ");
    if (rest.length > 2) {
      throw new IllegalArgumentException("more than a value and a timestamp");
    }
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    return new Sample(name, labels, value(rest[0]));
  }

  /** Reads {@code name="value",...}} from {@code start} and returns the position after the brace. */
  private static int labels(String line, int start, Map<String, String> labels) {
    int position = start;
    while (true) {
      if (position >= line.length()) {
        throw new IllegalArgumentException("the label set does not end");
      }
      if (line.charAt(position) == '}') {
        return position + 1;
      }
      int equals = line.indexOf('=', position);
      if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
        throw new IllegalArgumentException("a label needs name=\"value\"");
      }
      String name = line.substring(position, equals);
      if (!LABEL_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid label name " + name);
      }
      StringBuilder value = new StringBuilder();
      position = equals + 2;
      while (true) {
        if (position >= line.length()) {
          throw new IllegalArgumentException("the value of label " + name + " does not end");
        }
        char c = line.charAt(position++);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          char escaped = position < line.length() ? line.charAt(position++) : ' ';
          switch (escaped) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new IllegalArgumentException("invalid escape in label " + name);
          }
        } else {
          value.append(c);
        }
      }
      if (labels.put(name, value.toString()) != null) {
        throw new IllegalArgumentException("label " + name + " appears twice");
      }
      if (position < line.length() && line.charAt(position) == ',') {
        position++;
      }
    }
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** Returns every sample. */
  List<Sample> samples() {
    return samples;
  }

  /** Returns the declared type of a family, such as {@code counter}. */
  Optional<String> type(String family) {
    return Optional.ofNullable(types.get(family));
  }

  /** Returns the samples of a metric name whose labels include all of {@code labels}. */
  List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(sample -> sample.name().equals(name))
        .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /**
   * Returns the value of the one series with the name and labels, or 0 when there is none (a
   * series appears when it is first used). Fails when the labels match several series.
   */
  double value(String name, Map<String, String> labels) {
    List<Sample> found = find(name, labels);
    if (found.size() > 1) {
      throw new AssertionError("Several series of " + name + " match " + labels + ": " + found);
    }
    return found.isEmpty() ? 0 : found.get(0).value();
  }

  /** Returns the sum of the series with the name whose labels include all of {@code labels}. */
  double sum(String name, Map<String, String> labels) {
    return find(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  /** Returns the labels as an ordered map, for building expected label sets in tests. */
  static Map<String, String> labels(String... namesAndValues) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      labels.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return labels;
  }
}
