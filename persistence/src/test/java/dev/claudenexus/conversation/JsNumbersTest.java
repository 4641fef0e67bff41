package dev.claudenexus.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number printing against values that Node.js 20 prints for the same doubles. */
class JsNumbersTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "0, 0",
    "-0.0, 0",
    "1.0, 1",
    "-1, -1",
    "100.0, 100",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "4.35, 4.35",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "123456789012345678901, 123456789012345680000",
    "9007199254740993, 9007199254740992",
    "0.000001, 0.000001",
    "1.5e-6, 0.0000015",
    "1e-7, 1e-7",
    "-1e-7, -1e-7",
    "1.23e-18, 1.23e-18",
    "5e-324, 5e-324",
    "1.5e-323, 1.5e-323",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    // Java 17 prints the next four with more digits than needed (9.999999999999999E22 for the first).
    "1e23, 1e+23",
    "2e23, 2e+23",
    "4.0301848979298272E17, 403018489792982700",
    "5.9028721132322368E16, 59028721132322370",
    "Infinity, Infinity",
    "-Infinity, -Infinity",
    "NaN, NaN"
  })
  void printsLikeJavaScript(double value, String expected) {
    assertEquals(expected, JsNumbers.toString(value));
  }
}
