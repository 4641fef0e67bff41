package dev.claudenexus.bench;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap and metaspace of the proxy in KiB, parsed from the output of {@code jcmd PID GC.heap_info}.
 *
 * @param heapCommittedKib heap the JVM has committed (the {@code total} of the heap lines)
 * @param heapUsedKib heap in use
 * @param metaspaceCommittedKib committed metaspace
 */
record HeapInfo(long heapCommittedKib, long heapUsedKib, long metaspaceCommittedKib) {

  /**
   * A heap line: one for G1 ({@code garbage-first heap}), one per generation for the serial and
   * parallel collectors ({@code def new generation}, {@code tenured generation}, {@code PSYoungGen}, ...).
   */
  private static final Pattern HEAP = Pattern.compile("^\\s*[A-Za-z][\\w -]*?\\s+total (\\d+)K, used (\\d+)K",
      Pattern.MULTILINE);
  private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");

  static HeapInfo parse(String jcmdOutput) throws IOException {
    Matcher heap = HEAP.matcher(jcmdOutput);
    long committed = 0;
    long used = 0;
    boolean found = false;
    while (heap.find()) {
      committed += Long.parseLong(heap.group(1));
      used += Long.parseLong(heap.group(2));
      found = true;
    }
    Matcher metaspace = METASPACE.matcher(jcmdOutput);
    if (!found || !metaspace.find()) {
      throw new IOException("Unexpected GC.heap_info output: " + jcmdOutput);
    }
    return new HeapInfo(committed, used, Long.parseLong(metaspace.group(1)));
  }
}
