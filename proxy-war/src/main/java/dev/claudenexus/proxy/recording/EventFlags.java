package dev.claudenexus.proxy.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Flagged events of one response, bounded in memory: the first {@link #MAX_EVENTS} are kept with
 * their data cut to {@link #MAX_DATA_CHARS} characters, and later ones are only counted.
 */
final class EventFlags {

  static final int MAX_EVENTS = 32;
  static final int MAX_DATA_CHARS = 64 * 1024;

  private final List<FlaggedEvent> events;
  private int count;

  EventFlags() {
    this.events = new ArrayList<>();
  }

  private EventFlags(EventFlags source) {
    this.events = new ArrayList<>(source.events);
    this.count = source.count;
  }

  void add(Flag flag, String event, String data) {
    count++;
    if (events.size() >= MAX_EVENTS) {
      return;
    }
    boolean truncated = data != null && data.length() > MAX_DATA_CHARS;
    String stored = truncated ? data.substring(0, MAX_DATA_CHARS) : data;
    events.add(new FlaggedEvent(flag, event, stored, truncated));
  }

  /** Returns an independent copy, so that building a result never changes the live flags. */
  EventFlags copy() {
    return new EventFlags(this);
  }

  List<FlaggedEvent> events() {
    return List.copyOf(events);
  }

  /** Returns the number of flagged events, including those beyond {@link #MAX_EVENTS}. */
  int count() {
    return count;
  }
}
