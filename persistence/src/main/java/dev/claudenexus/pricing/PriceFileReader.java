package dev.claudenexus.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the text of a model price file, rejecting files above a size limit and text that is not UTF-8. */
final class PriceFileReader {

  /** Maximum size of a price file in bytes, far above any real table and small enough to read into memory. */
  static final int MAX_BYTES = 1024 * 1024;

  private PriceFileReader() {}

  static String read(Path file) throws InvalidPriceFileException {
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source);
    } catch (NoSuchFileException e) {
      throw new InvalidPriceFileException(source, "file not found", e);
    } catch (IOException e) {
      throw new InvalidPriceFileException(source, "file could not be read: " + e.getMessage(), e);
    }
  }

  /** Reads at most {@link #MAX_BYTES} from {@code in}. The {@code source} names the file in error messages. */
  static String read(InputStream in, String source) throws IOException, InvalidPriceFileException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new InvalidPriceFileException(
          source, "file is larger than the limit of " + MAX_BYTES + " bytes (1 MiB)");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidPriceFileException(source, "file is not valid UTF-8 text", e);
    }
  }
}
