package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

import io.deadlinesaga.messaging.web.ApiProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens an account once per holder; orders that waited for it are looked at again as it commits. */
@Service
public class AccountOpening {

    private final PointAccountRepository accounts;
    private final ApplicationEventPublisher events;

    AccountOpening(PointAccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public PointAccount open(String userId, BigDecimal point) {
        if (accounts.existsById(userId)) {
            throw ApiProblem.conflict("an account for " + userId + " already exists");
        }
        PointAccount account = new PointAccount(userId, point, System.currentTimeMillis());
        accounts.insert(account);
        events.publishEvent(new AccountOpened(account));
        return account;
    }
}
