package dev.claudenexus.testsupport.gemini;

import java.time.Instant;

/**
 * A {@code generateContent} request the fake received.
 *
 * @param model the model of the path, such as {@code gemini-2.5-pro}
 * @param text every part's text of the request, joined by newlines, for matching and assertions
 * @param body the request document as received
 */
public record GeminiCall(String model, String apiKey, String text, String body, Instant received) {}
