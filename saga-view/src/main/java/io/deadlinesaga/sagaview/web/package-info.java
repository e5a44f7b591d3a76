/** The view over HTTP: JSON for programs and the CLI, a timeline page for people. */
package io.deadlinesaga.sagaview.web;
