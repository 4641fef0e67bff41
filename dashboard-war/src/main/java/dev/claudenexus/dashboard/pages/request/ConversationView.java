package dev.claudenexus.dashboard.pages.request;

import java.util.List;

/**
 * The conversation of a request as cards.
 *
 * @param system the system blocks, in order
 * @param messages the request's messages and the response, oldest first
 * @param problems why part of the request or response could not be shown, one sentence each
 * @param cut whether some text was cut or some block left out, so the raw view has more
 * @param reminders how many system reminders the cards hold
 */
public record ConversationView(List<MessageCard> system, List<MessageCard> messages,
    List<String> problems, boolean cut, int reminders) {}
