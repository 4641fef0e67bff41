/**
 * {@code GET /client-setup/{file}}: serves the files that set up a client machine (scripts and
 * configuration) from one directory, with no authentication. A file name that could reach outside
 * that directory is rejected before the file system is touched.
 */
package dev.claudenexus.proxy.clientsetup;
