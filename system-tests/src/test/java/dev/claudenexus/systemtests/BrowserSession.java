package dev.claudenexus.systemtests;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} for all tests of a class: started before the first test and closed after the
 * last. A test class registers it as a static field with {@code @RegisterExtension}.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    browser = Browser.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** Returns the browser of the running test class. */
  Browser browser() {
    if (browser == null) {
      throw new IllegalStateException("The browser runs only while the test class runs");
    }
    return browser;
  }
}
