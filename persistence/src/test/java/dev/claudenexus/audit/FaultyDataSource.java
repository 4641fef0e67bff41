package dev.claudenexus.audit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a data source and injects the failures of a crash test. The database goes away, a batch
 * fails in the middle of a replay, the writer thread dies right after a commit, or a connection
 * attempt hangs.
 */
final class FaultyDataSource {

  /** What a crash of the writer thread looks like: an error that nothing catches. */
  static final class WriterCrash extends Error {
    private static final long serialVersionUID = 1L;

    WriterCrash() {
      super("the audit writer thread was killed after a commit");
    }
  }

  private final DataSource target;
  private volatile boolean down;
  private volatile int failingBatch = -1;
  private volatile int crashAfterBatch = -1;
  private volatile CountDownLatch hang;
  private final AtomicInteger batches = new AtomicInteger();

  FaultyDataSource(DataSource target) {
    this.target = target;
  }

  /** Makes every connection attempt fail until {@link #restore}. */
  void goDown() {
    down = true;
  }

  void restore() {
    down = false;
    failingBatch = -1;
    crashAfterBatch = -1;
    CountDownLatch latch = hang;
    hang = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  /** Makes the {@code number}th batch from now fail as if the database went away during it. */
  void failBatch(int number) {
    failingBatch = batches.get() + number;
  }

  /** Throws {@link WriterCrash} right after the {@code number}th batch from now is committed. */
  void crashAfterBatch(int number) {
    crashAfterBatch = batches.get() + number;
  }

  /** Makes connection attempts wait until {@link #restore}, as a paused database does. */
  void hang() {
    hang = new CountDownLatch(1);
  }

  DataSource dataSource() {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return connection();
          }
          return invoke(target, method, args);
        });
  }

  private Connection connection() throws SQLException, InterruptedException {
    CountDownLatch latch = hang;
    if (latch != null) {
      latch.await();
    }
    if (down) {
      throw new SQLException("Connection refused: the test database is down", "08001");
    }
    Connection real = target.getConnection();
    int[] batchOfConnection = {-1};
    InvocationHandler handler = (proxy, method, args) -> {
      Object result = invoke(real, method, args);
      if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
        return statement(ps, batchOfConnection);
      }
      if (method.getName().equals("commit") && crashAfterBatch > 0
          && batchOfConnection[0] == crashAfterBatch) {
        throw new WriterCrash();
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  private PreparedStatement statement(PreparedStatement real, int[] batchOfConnection) {
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().equals("executeBatch")) {
            int number = batches.incrementAndGet();
            batchOfConnection[0] = number;
            if (number == failingBatch) {
              throw new SQLException("I/O error: the connection to the test database broke", "08006");
            }
          }
          return invoke(real, method, args);
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
