package dev.claudenexus.dashboard.pages.request;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * Keeps the query parameters of a page in its view, for the postback of the layout's theme form: the
 * form posts to the page without its query string, so without this the page would render as if
 * opened without parameters.
 */
public final class ViewParameters {

  private ViewParameters() {}

  /**
   * Returns {@code value} and keeps it under {@code key} in the view when it is not {@code null};
   * returns the kept value otherwise, or {@code null} outside a Faces request.
   */
  public static String keep(String key, String value) {
    FacesContext context = FacesContext.getCurrentInstance();
    UIViewRoot root = context == null ? null : context.getViewRoot();
    if (root == null) {
      return value;
    }
    Map<String, Object> view = root.getViewMap();
    if (value != null) {
      view.put(key, value);
      return value;
    }
    return view.get(key) instanceof String kept ? kept : null;
  }
}
