package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Computes the {@link MessageHashes} of a Messages API request body. The message hash is the SHA-256
 * of, for each message left after {@link ToolBlockDeduplicator de-duplication}, its role, a newline,
 * its {@link ContentNormalizer normalised content} and a newline. The parent hash leaves out the last
 * two messages (one turn), the grandparent hash the last four. Thread-safe.
 */
public final class MessageHasher {

  private static final Logger LOGGER = Logger.getLogger(MessageHasher.class.getName());

  private final HashMode mode;
  private final ContentNormalizer normalizer;

  public MessageHasher(HashMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("mode is null");
    }
    this.mode = mode;
    this.normalizer = new ContentNormalizer(mode);
  }

  public HashMode mode() {
    return mode;
  }

  /**
   * Returns the hashes of a Messages API request body, or {@link MessageHashes#NONE} (never an
   * exception) when the body gives no hash: no non-empty {@code messages} array, content the original proxy failed
   * on, or in {@link HashMode#CURRENT} no user or assistant message left to hash.
   */
  public MessageHashes hash(JsonObject body) {
    try {
      return hashOrFail(body);
    } catch (UnhashableBodyException e) {
      LOGGER.log(Level.FINE, "Request body gives no message hash: {0}", e.getMessage());
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "Hashing a request body failed; it gets no hash", e);
    }
    return MessageHashes.NONE;
  }

  /**
   * Returns the messages that count in this mode, before de-duplication: every message in
   * {@link HashMode#ORIGINAL}, only those with role {@code user} or {@code assistant} in
   * {@link HashMode#CURRENT}. Entries that are not objects are skipped.
   */
  public List<JsonObject> countedMessages(JsonObject body) {
    List<JsonObject> counted = new ArrayList<>();
    if (body != null && body.get("messages") instanceof JsonArray messages) {
      for (JsonValue message : messages) {
        if (message instanceof JsonObject object && counts(object)) {
          counted.add(object);
        }
      }
    }
    return counted;
  }

  /** Returns the hash of the stable part of a system prompt, or null when no usable text is left. */
  public String systemHash(JsonValue system) {
    String text = ConversationText.joinedSystemText(system);
    if (text == null || text.isEmpty()) {
      return null;
    }
    String stable = SystemPrompt.stabilize(text, mode);
    return stable.isEmpty() ? null : Sha256.hex(stable);
  }

  private MessageHashes hashOrFail(JsonObject body) {
    if (body == null || !(body.get("messages") instanceof JsonArray messages) || messages.isEmpty()) {
      return MessageHashes.NONE;
    }
    List<JsonObject> counted = countedMessages(body);
    if (mode == HashMode.ORIGINAL && counted.size() != messages.size()) {
      throw new UnhashableBodyException("invalid message: not an object");
    }
    List<JsonObject> deduplicated = ToolBlockDeduplicator.deduplicate(counted);
    if (mode == HashMode.CURRENT && deduplicated.isEmpty()) {
      return MessageHashes.NONE; // never the hash of empty input
    }
    List<String> normalized = new ArrayList<>(deduplicated.size());
    for (JsonObject message : deduplicated) {
      String role = JsValues.toJsString(message.get("role"));
      normalized.add(role + "\n" + normalizer.normalize(message.get("content")) + "\n");
    }
    return prefixHashes(normalized, systemHash(body.get("system")));
  }

  private boolean counts(JsonObject message) {
    if (mode == HashMode.ORIGINAL) {
      return true;
    }
    return message.get("role") instanceof JsonString role
        && (role.getString().equals("user") || role.getString().equals("assistant"));
  }

  // One pass over the messages, copying the digest state where a shorter prefix ends.
  private static MessageHashes prefixHashes(List<String> normalized, String systemHash) {
    int count = normalized.size();
    MessageDigest digest = Sha256.newDigest();
    String parent = null;
    String grandparent = null;
    for (int i = 0; i <= count; i++) {
      if (i == count - 4 && count > 4) {
        grandparent = Sha256.hex(copy(digest));
      }
      if (i == count - 2 && count >= 3) {
        parent = Sha256.hex(copy(digest));
      }
      if (i < count) {
        Sha256.update(digest, normalized.get(i));
      }
    }
    return new MessageHashes(Sha256.hex(digest), parent, grandparent, systemHash, count);
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest cannot be copied", e);
    }
  }
}
