package dev.claudenexus.api.audit;

import dev.claudenexus.audit.AuditAction;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose calls the {@link AuditResponseFilter} records, with the response
 * status as the outcome. Cached responses are recorded too.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

  /** The action that a call of the method performs. */
  AuditAction value();

  /**
   * Path parameters that identify the target, joined with {@code /}. A method that finds its target
   * elsewhere (in the body) sets the request attribute {@link AuditResponseFilter#TARGET_ATTRIBUTE}.
   */
  String[] target() default {};
}
