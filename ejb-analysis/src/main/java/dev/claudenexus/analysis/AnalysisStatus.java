package dev.claudenexus.analysis;

import java.util.Locale;

/** The states of an analysis row, stored in lower case. */
public enum AnalysisStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  FAILED;

  /** Returns the stored value, such as {@code pending}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the status of a stored value. */
  public static AnalysisStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
