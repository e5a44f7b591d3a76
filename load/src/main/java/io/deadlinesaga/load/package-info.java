/**
 * The load driver behind {@code ./saga load} and {@code ./saga chaos}: it opens point accounts and places orders
 * through the gateway on an open-loop schedule (a fixed rate, whatever the answers), polls every order until it is
 * decided and, if rejected, fully compensated, then reads the topic and every service's view of every order and
 * checks the invariants I1–I6 of DESIGN §5 and the outcome each kind of order must have. Plain Java: the JDK's
 * HttpClient, Jackson and kafka-clients, no Spring.
 */
package io.deadlinesaga.load;
