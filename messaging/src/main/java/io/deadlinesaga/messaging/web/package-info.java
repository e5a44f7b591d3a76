/** How every service answers errors over HTTP: RFC 9457 problem+json with an actionable detail. */
package io.deadlinesaga.messaging.web;
