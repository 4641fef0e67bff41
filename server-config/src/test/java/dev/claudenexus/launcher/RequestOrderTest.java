package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.launcher.RequestOrder.RequestNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestOrderTest {

  private final UUID a = UUID.randomUUID();
  private final UUID b = UUID.randomUUID();
  private final UUID c = UUID.randomUUID();

  @Test
  void timeOrderIsKeptWhenParentsComeFirst() {
    List<RequestNode> nodes = List.of(new RequestNode(a, null, null), new RequestNode(b, a, null),
        new RequestNode(c, b, a));

    assertEquals(List.of(a, b, c), RequestOrder.parentsFirst(nodes));
  }

  @Test
  void earlierChildMovesAfterItsParents() {
    List<RequestNode> nodes = List.of(new RequestNode(c, b, b), new RequestNode(a, null, null),
        new RequestNode(b, a, null));

    assertEquals(List.of(a, b, c), RequestOrder.parentsFirst(nodes));
  }

  @Test
  void referencesOutsideTheListAreIgnored() {
    List<RequestNode> nodes = List.of(new RequestNode(a, UUID.randomUUID(), null),
        new RequestNode(b, null, UUID.randomUUID()));

    assertEquals(List.of(a, b), RequestOrder.parentsFirst(nodes));
  }

  @Test
  void cycleKeepsEveryRequestOnce() {
    List<RequestNode> nodes = List.of(new RequestNode(a, c, null), new RequestNode(b, a, null),
        new RequestNode(c, b, null));

    List<UUID> order = RequestOrder.parentsFirst(nodes);

    assertEquals(3, order.size());
    assertEquals(3, order.stream().distinct().count());
  }
}
