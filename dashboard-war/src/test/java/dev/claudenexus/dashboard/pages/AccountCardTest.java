package dev.claudenexus.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCardTest {

  @Test
  void linkEncodesAccountId() {
    AccountCard card = new AccountCard("team a&b<c>", new LimitShare(1, 10), 1, "", List.of());

    assertEquals("/dashboard/token-usage?accountId=team+a%26b%3Cc%3E", card.link());
  }

  @Test
  void domainsJoinedWithCommas() {
    AccountCard card = new AccountCard("a", new LimitShare(1, 10), 1, "", List.of("x.example.com", "localhost:3000"));

    assertEquals("x.example.com, localhost:3000", card.domainsText());
  }
}
