package dev.claudenexus.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes the small server-rendered pages: escaped text inside one fixed layout. */
public final class Html {

  /** The dashboard's own style sheet, as Faces serves it to the pages. */
  private static final String STYLESHEET = "/jakarta.faces.resource/dashboard.css.xhtml?ln=nexus";

  private Html() {}

  /** Escapes text for an HTML element or a quoted attribute. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Sends a page; {@code body} must already be escaped. */
  public static void send(HttpServletResponse response, String title, String csrfToken, String body)
      throws IOException {
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String meta = csrfToken == null ? ""
        : "<meta name=\"csrf-token\" content=\"" + escape(csrfToken) + "\">";
    response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + meta + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"" + STYLESHEET
        + "\"></head><body>" + body + "</body></html>");
  }
}
