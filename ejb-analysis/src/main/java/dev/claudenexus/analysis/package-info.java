/**
 * AI analyses of conversations: the {@code conversation_analyses} rows and their life cycle
 * ({@code pending}, {@code processing}, {@code completed}, {@code failed}), the requests that create
 * them, and the audit log. A row is claimed by one worker at a time, with {@code FOR UPDATE SKIP
 * LOCKED}, so several proxy instances on one database never analyse the same branch twice.
 */
package dev.claudenexus.analysis;
