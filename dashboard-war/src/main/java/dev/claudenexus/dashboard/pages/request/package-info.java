/**
 * The request page: one stored request's header, its conversation as message cards, its stored
 * documents and its headers. The cards are built from the stored JSON by plain classes, with every
 * text kept as text for Facelets to escape, and with budgets that cut long texts so a multi-megabyte
 * request still renders quickly.
 */
package dev.claudenexus.dashboard.pages.request;
