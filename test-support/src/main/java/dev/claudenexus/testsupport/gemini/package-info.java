/**
 * A loopback fake of Gemini's {@code generateContent} API: the real request and response documents,
 * the {@code x-goog-api-key} check and Google's error format, with replies scripted per test.
 */
package dev.claudenexus.testsupport.gemini;
