/** A loopback fake of the GitHub REST API endpoints that the prompt sync calls. */
package dev.claudenexus.testsupport.github;
