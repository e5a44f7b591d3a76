/**
 * How every service meets HTTP: errors as RFC 9457 problem+json with an actionable detail, request bodies bounded
 * by {@code saga.web.max-request-size}, lists paged newest first by one rule, and request threads that yield to the
 * saga.
 */
package io.deadlinesaga.messaging.web;
