/**
 * Loopback network fault injection for tests, such as cutting an app server off from its database.
 */
package dev.claudenexus.testsupport.net;
