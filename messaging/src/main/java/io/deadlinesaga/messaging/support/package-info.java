/** Small helpers the plumbing and the services share. */
package io.deadlinesaga.messaging.support;
