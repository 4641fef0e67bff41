/**
 * The model that writes analyses, behind {@link dev.claudenexus.analysis.model.AnalysisModel}, with
 * Gemini's {@code generateContent} API as its first provider, and the parsing of its output against
 * the analysis schema.
 */
package dev.claudenexus.analysis.model;
