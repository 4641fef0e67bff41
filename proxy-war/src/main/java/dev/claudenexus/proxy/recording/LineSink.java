package dev.claudenexus.proxy.recording;

/** Receiver of the lines that {@link SseLineSplitter} cuts from a byte stream. */
interface LineSink {

  /** Receives one line without its terminator. The bytes are valid only during the call. */
  void line(byte[] bytes, int offset, int length);

  /** Receives the notice that a line exceeded the size limit and was dropped. */
  void oversizedLine();

  /** Receives the end of the stream, after any unterminated last line went to {@link #line}. */
  void endOfStream();
}
