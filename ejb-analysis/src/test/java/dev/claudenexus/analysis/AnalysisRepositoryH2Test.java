package dev.claudenexus.analysis;

import dev.claudenexus.testing.TestDatabase;

class AnalysisRepositoryH2Test extends AnalysisRepositoryContract {

  @Override
  TestDatabase createDatabase() {
    return TestDatabase.h2();
  }
}
