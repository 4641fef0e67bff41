package dev.claudenexus.storage;

import dev.claudenexus.testing.TestDatabase;

class StoredLinkingH2Test extends StoredLinkingContract {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }
}
