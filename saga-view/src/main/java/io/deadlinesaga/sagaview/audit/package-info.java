/**
 * The auditor: a verdict on each saga from its events alone, by the contract's rules of DESIGN §5; every
 * saga's verdict stored, audited again when an event of it arrives or when the clock alone may change it.
 */
package io.deadlinesaga.sagaview.audit;
