/** Checks of JSON bodies that must run before the JSON parser reads them. */
package dev.claudenexus.api.json;
