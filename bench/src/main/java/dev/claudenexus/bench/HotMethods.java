package dev.claudenexus.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts the {@code jdk.ExecutionSample} events of a Java Flight Recorder file four ways: by thread
 * (digits removed from the name, so pool threads add up), by the library of the innermost frame
 * outside the JDK, by the innermost frame in the proxy's own code, and by the method on top of the stack.
 */
final class HotMethods {

  private static final String OWN_CODE = "dev.claudenexus.";
  private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.crypto.");

  /**
   * Sample counts of one recording.
   *
   * @param samples all execution samples
   * @param threads samples by thread name with digits replaced by {@code N}
   * @param libraries samples by the first three package segments of the innermost non-JDK frame,
   *     or {@code JDK only} when every frame is in the JDK
   * @param ownFrames samples by the innermost {@code dev.claudenexus} method, for samples that have one
   * @param topFrames samples by the method on top of the stack
   */
  record Profile(long samples, Map<String, Long> threads, Map<String, Long> libraries,
      Map<String, Long> ownFrames, Map<String, Long> topFrames) {

    /** Returns the {@code limit} largest entries, largest first. */
    static List<Map.Entry<String, Long>> largest(Map<String, Long> counts, int limit) {
      return counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(limit)
          .toList();
    }
  }

  private HotMethods() {
  }

  static Profile read(Path recording) throws IOException {
    long samples = 0;
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> libraries = new HashMap<>();
    Map<String, Long> ownFrames = new HashMap<>();
    Map<String, Long> topFrames = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        threads.merge(threadName(event.getThread("sampledThread")), 1L, Long::sum);
        libraries.merge(library(frames), 1L, Long::sum);
        topFrames.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
        for (RecordedFrame frame : frames) {
          if (frame.getMethod().getType().getName().startsWith(OWN_CODE)) {
            ownFrames.merge(name(frame.getMethod()), 1L, Long::sum);
            break;
          }
        }
      }
    }
    return new Profile(samples, threads, libraries, ownFrames, topFrames);
  }

  private static String threadName(RecordedThread thread) {
    if (thread == null) {
      return "unknown";
    }
    String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    return name == null ? "unknown" : name.replaceAll("\\d+", "N");
  }

  private static String library(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (JDK_PACKAGES.stream().noneMatch(type::startsWith)) {
        String[] parts = type.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
      }
    }
    return "JDK only";
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }
}
