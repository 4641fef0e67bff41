package dev.claudenexus.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the output of {@code jcmd PID VM.native_memory summary}. */
final class NativeMemory {

  private static final Pattern CATEGORY = Pattern.compile(
      "^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
  private static final Pattern TOTAL = Pattern.compile("^Total: reserved=\\d+KB, committed=(\\d+)KB",
      Pattern.MULTILINE);

  private NativeMemory() {
  }

  /** Returns the committed KiB of each category, in the order printed, with {@code Total} first. */
  static Map<String, Long> committedKib(String jcmdOutput) {
    Map<String, Long> committed = new LinkedHashMap<>();
    Matcher total = TOTAL.matcher(jcmdOutput);
    if (total.find()) {
      committed.put("Total", Long.parseLong(total.group(1)));
    }
    Matcher category = CATEGORY.matcher(jcmdOutput);
    while (category.find()) {
      committed.put(category.group(1).strip(), Long.parseLong(category.group(2)));
    }
    return committed;
  }
}
