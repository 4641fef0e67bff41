/**
 * The database schema, owned by Flyway migrations with one folder per vendor (H2 and PostgreSQL),
 * never by JPA schema generation.
 */
package dev.claudenexus.schema;
