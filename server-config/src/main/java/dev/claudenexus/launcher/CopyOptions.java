package dev.claudenexus.launcher;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Arguments of {@code copy-conversation}: {@code --conversation-id ID --dest-db URL [--dry-run]
 * [--include-chunks]}. Values follow their option as the next argument or after {@code =}.
 */
record CopyOptions(UUID conversationId, String destination, boolean dryRun, boolean includeChunks) {

  static final String CONVERSATION_ID = "--conversation-id";
  static final String DEST_DB = "--dest-db";
  static final String DRY_RUN = "--dry-run";
  static final String INCLUDE_CHUNKS = "--include-chunks";

  private static final Set<String> VALUE_OPTIONS = Set.of(CONVERSATION_ID, DEST_DB);
  private static final Set<String> FLAGS = Set.of(DRY_RUN, INCLUDE_CHUNKS);
  private static final Pattern UUID_TEXT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String USAGE = "usage: bin/nexus copy-conversation --conversation-id ID"
      + " --dest-db URL [--dry-run] [--include-chunks]";

  /**
   * Parses {@code args} from index {@code from} on.
   *
   * @throws IllegalArgumentException naming the missing, unknown, repeated or invalid argument
   */
  static CopyOptions parse(String[] args, int from) {
    Map<String, String> values = new HashMap<>();
    for (int i = from; i < args.length; i++) {
      String argument = args[i];
      String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument \"" + Redaction.shown(argument)
            + "\"; " + USAGE);
      }
      if (!VALUE_OPTIONS.contains(name) && !FLAGS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + Redaction.shown(name)
            + "; " + USAGE);
      }
      if (values.containsKey(name)) {
        throw new IllegalArgumentException(name + " is given twice; give it once");
      }
      if (FLAGS.contains(name)) {
        if (!name.equals(argument)) {
          throw new IllegalArgumentException(name + " takes no value; " + USAGE);
        }
        values.put(name, "true");
      } else if (!name.equals(argument)) {
        values.put(name, argument.substring(name.length() + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException(name + " needs a value; " + USAGE);
      }
    }
    return new CopyOptions(conversationId(values.get(CONVERSATION_ID)),
        destination(values.get(DEST_DB)), values.containsKey(DRY_RUN),
        values.containsKey(INCLUDE_CHUNKS));
  }

  private static UUID conversationId(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(CONVERSATION_ID + " is required: the id of the conversation"
          + " to copy, as the dashboard's conversation page shows it; " + USAGE);
    }
    String text = value.strip();
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new IllegalArgumentException(CONVERSATION_ID + " must be a UUID such as"
          + " 123e4567-e89b-12d3-a456-426614174000, not \"" + Redaction.shown(value) + "\"");
    }
    return UUID.fromString(text.toLowerCase(Locale.ROOT));
  }

  private static String destination(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(DEST_DB + " is required: the database to copy into, as"
          + " postgresql://user:password@host:5432/database; " + USAGE);
    }
    return value.strip();
  }
}
