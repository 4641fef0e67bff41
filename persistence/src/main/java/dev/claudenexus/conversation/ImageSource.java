package dev.claudenexus.conversation;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The part of an image block that counts in a message hash: media type and a hash of the data. */
final class ImageSource {

  private ImageSource() {
  }

  /**
   * Returns {@code no-source}, or {@code <media_type>:<sha256 hex of data>} where a missing data
   * field hashes as the empty string.
   *
   * @throws UnhashableBodyException for non-string data, which the original could not hash
   */
  static String describe(JsonValue source) {
    if (!JsValues.isTruthy(source)) {
      return "no-source";
    }
    JsonObject fields = source instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    JsonValue data = fields.get("data");
    String hashed;
    if (data instanceof JsonString text) {
      hashed = text.getString();
    } else if (!JsValues.isTruthy(data)) {
      hashed = "";
    } else {
      throw new UnhashableBodyException("invalid image block: source.data is not a string");
    }
    return JsValues.toJsString(fields.get("media_type")) + ":" + Sha256.hex(hashed);
  }
}
