/**
 * The conversation page: branch chips, stats, the request tree laid out for SVG with its sub-task
 * boxes, and the timeline. Layout, colours and links are computed here; the page only draws them,
 * and Facelets escapes every label.
 */
package dev.claudenexus.dashboard.pages.conversation;
