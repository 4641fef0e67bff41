/**
 * Configuration shared by both services: the {@code .env} file as a MicroProfile Config source below
 * real environment variables, and the original product's {@code DATABASE_URL} form.
 */
package dev.claudenexus.config;
