package dev.claudenexus.dashboard.pages.request;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Turns the {@code source} of an image block into a {@code data:} URL the page may show. Only
 * base64 data of the raster types the Messages API accepts is shown (PNG, JPEG, GIF, WebP); SVG is
 * never shown, since it can carry script. URL sources are not loaded, because the page's content
 * security policy allows no image hosts.
 */
final class ImageSources {

  /** Characters of a stored value that a notice repeats. */
  static final int NOTICE_CHARS = 200;

  static final Set<String> MEDIA_TYPES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private ImageSources() {}

  /** Returns the image block for {@code source}, charging shown image data to {@code budget}. */
  static MessageBlock.Image image(JsonValue source, ImageBudget budget) {
    if (!(source instanceof JsonObject fields)) {
      return new MessageBlock.Image(null, null, "The image block has no source.");
    }
    String type = shortString(fields, "type");
    String mediaType = string(fields, "media_type");
    if ("url".equals(type)) {
      return new MessageBlock.Image(null, null,
          "The image is a URL, which the dashboard does not load: " + shortString(fields, "url"));
    }
    if (!"base64".equals(type)) {
      return new MessageBlock.Image(null, null,
          "The image source of type " + type + " is not shown.");
    }
    if (mediaType == null || !MEDIA_TYPES.contains(mediaType)) {
      return new MessageBlock.Image(null, null, "The image of media type "
          + shortString(fields, "media_type")
          + " is not shown; only PNG, JPEG, GIF and WebP images are.");
    }
    String data = string(fields, "data");
    if (data == null || !isBase64(data)) {
      return new MessageBlock.Image(mediaType, null, "The image data is not valid base64.");
    }
    if (!budget.take(data.length())) {
      return new MessageBlock.Image(mediaType, null,
          "The image is not shown, to keep the page small; the raw view has its data.");
    }
    return new MessageBlock.Image(mediaType, "data:" + mediaType + ";base64," + data, null);
  }

  /** Returns whether {@code data} contains only base64 characters with at most two pads at the end. */
  static boolean isBase64(String data) {
    int end = data.length();
    int pads = 0;
    while (end > 0 && data.charAt(end - 1) == '=' && pads < 2) {
      end--;
      pads++;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = data.charAt(i);
      boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/';
      if (!valid) {
        return false;
      }
    }
    return true;
  }

  private static String string(JsonObject fields, String name) {
    return fields.get(name) instanceof JsonString value ? value.getString() : null;
  }

  /** Returns a field for a notice, cut so that a hostile value cannot make the page large. */
  private static String shortString(JsonObject fields, String name) {
    String value = string(fields, name);
    return value == null ? null : ShownText.cutTo(value, NOTICE_CHARS).text();
  }

  /** Caps the image data of one page, in base64 characters. */
  static final class ImageBudget {

    private long remaining;

    ImageBudget(long characters) {
      remaining = characters;
    }

    boolean take(long characters) {
      if (characters > remaining) {
        return false;
      }
      remaining -= characters;
      return true;
    }
  }
}
