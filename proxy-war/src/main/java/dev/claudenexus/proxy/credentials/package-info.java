/**
 * Per-domain credential files ({@code <CREDENTIALS_DIR>/<domain>.credentials.json}): the domain a
 * client used selects the upstream key and the client key it must present. One normalised domain is
 * used everywhere, and a domain that could escape the credentials directory finds no file.
 */
package dev.claudenexus.proxy.credentials;
