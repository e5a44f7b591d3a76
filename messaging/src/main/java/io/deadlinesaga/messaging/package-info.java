/**
 * The messaging plumbing every service shares, and the event contract. Infrastructure only: no service's
 * business rule lives here.
 */
package io.deadlinesaga.messaging;
