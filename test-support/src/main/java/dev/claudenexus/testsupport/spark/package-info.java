/** A loopback fake of the Spark recommendation API's feedback endpoints. */
package dev.claudenexus.testsupport.spark;
