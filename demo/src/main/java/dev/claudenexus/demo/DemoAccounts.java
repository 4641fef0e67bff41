package dev.claudenexus.demo;

import java.util.Objects;

/**
 * The two domains the demo uses, one account each, so the dashboard has two accounts to compare.
 *
 * @param team the domain most sessions run on
 * @param solo a second domain, whose credential file sets a small 5-hour token limit
 */
public record DemoAccounts(DemoAccount team, DemoAccount solo) {

  public DemoAccounts {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(solo, "solo");
  }
}
