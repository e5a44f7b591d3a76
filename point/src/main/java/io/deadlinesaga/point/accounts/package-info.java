/** Point accounts: one per holder, a balance that never goes negative. */
package io.deadlinesaga.point.accounts;
