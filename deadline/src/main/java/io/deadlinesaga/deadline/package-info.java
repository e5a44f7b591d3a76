/** The deadline service: keeps each order's deadline and reports it, once, when it passes undecided. */
package io.deadlinesaga.deadline;
