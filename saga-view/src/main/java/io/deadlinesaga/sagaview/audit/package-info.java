/** The auditor: a verdict on each saga from its events alone, naming any broken rule of DESIGN §5. */
package io.deadlinesaga.sagaview.audit;
