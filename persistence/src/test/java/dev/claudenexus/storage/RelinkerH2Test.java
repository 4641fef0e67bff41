package dev.claudenexus.storage;

import dev.claudenexus.testing.TestDatabase;

class RelinkerH2Test extends RelinkerContract {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }
}
