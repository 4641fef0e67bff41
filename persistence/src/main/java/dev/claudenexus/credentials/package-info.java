/** Client keys shared by the proxy realm and the command line: generation, comparison, hashing. */
package dev.claudenexus.credentials;
