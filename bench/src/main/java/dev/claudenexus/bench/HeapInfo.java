package dev.claudenexus.bench;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap and metaspace of the proxy in KiB, parsed from the output of {@code jcmd PID GC.heap_info}.
 *
 * @param heapCommittedKib heap the JVM has committed (the {@code total} of the heap line)
 * @param heapUsedKib heap in use
 * @param metaspaceCommittedKib committed metaspace
 */
record HeapInfo(long heapCommittedKib, long heapUsedKib, long metaspaceCommittedKib) {

  private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");

  static HeapInfo parse(String jcmdOutput) throws IOException {
    Matcher heap = HEAP.matcher(jcmdOutput);
    Matcher metaspace = METASPACE.matcher(jcmdOutput);
    if (!heap.find() || !metaspace.find()) {
      throw new IOException("Unexpected GC.heap_info output: " + jcmdOutput);
    }
    return new HeapInfo(Long.parseLong(heap.group(1)), Long.parseLong(heap.group(2)),
        Long.parseLong(metaspace.group(1)));
  }
}
