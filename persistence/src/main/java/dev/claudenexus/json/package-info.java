/** JSON-P helpers shared by every module. */
package dev.claudenexus.json;
