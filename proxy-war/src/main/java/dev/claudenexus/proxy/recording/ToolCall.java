package dev.claudenexus.proxy.recording;

/**
 * One {@code tool_use} content block of a response.
 *
 * @param id the tool use id, such as {@code toolu_01...}, or null when the block had none
 * @param name the tool name, or null when the block had none
 * @param input the input as compact JSON when {@code inputParsed}, otherwise the raw
 *     concatenated {@code partial_json} text as received
 * @param inputParsed whether the input was parsed as a JSON object
 */
public record ToolCall(String id, String name, String input, boolean inputParsed) {}
