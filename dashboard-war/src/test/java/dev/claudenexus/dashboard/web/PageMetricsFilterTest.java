package dev.claudenexus.dashboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;

class PageMetricsFilterTest {

  private static HttpServletMapping mapping(MappingMatch match, String pattern, String value) {
    return new HttpServletMapping() {
      @Override
      public String getMatchValue() {
        return value;
      }

      @Override
      public String getPattern() {
        return pattern;
      }

      @Override
      public String getServletName() {
        return "servlet";
      }

      @Override
      public MappingMatch getMappingMatch() {
        return match;
      }
    };
  }

  @Test
  void exactMappingNamesPage() {
    assertEquals("/dashboard/login",
        PageMetricsFilter.page(mapping(MappingMatch.EXACT, "/dashboard/login", "dashboard/login")));
  }

  @Test
  void extensionMappingHidesPath() {
    assertEquals("*.xhtml",
        PageMetricsFilter.page(mapping(MappingMatch.EXTENSION, "*.xhtml", "made-up-" + System.nanoTime())));
  }

  @Test
  void defaultServletIsStatic() {
    assertEquals("static", PageMetricsFilter.page(mapping(MappingMatch.DEFAULT, "/", "favicon.ico")));
    assertEquals("static", PageMetricsFilter.page(null));
  }

  @Test
  void apiSkipped() {
    assertNull(PageMetricsFilter.page(mapping(MappingMatch.PATH, "/api/*", "requests")));
  }

  @Test
  void contextRootIsSlash() {
    assertEquals("/", PageMetricsFilter.page(mapping(MappingMatch.CONTEXT_ROOT, "", "")));
  }
}
