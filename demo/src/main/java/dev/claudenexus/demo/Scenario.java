package dev.claudenexus.demo;

/** One recorded Claude Code session that the demo plays through the proxy. */
interface Scenario {

  /** Returns a short description for the demo's log, such as "tool loop (weather-cache)". */
  String title();

  /**
   * Sends the session's requests one after another.
   *
   * @throws DemoFailedException when a response of the proxy is not the one the script expects
   */
  void play(ProxyTurns turns, DemoAccounts accounts);
}
