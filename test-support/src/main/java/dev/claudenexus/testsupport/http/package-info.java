/** A loopback HTTP server that the fakes of JSON APIs are built on. */
package dev.claudenexus.testsupport.http;
