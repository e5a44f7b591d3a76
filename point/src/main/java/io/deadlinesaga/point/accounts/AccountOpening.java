package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

import io.deadlinesaga.messaging.web.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens an account once per holder. */
@Service
class AccountOpening {

    private final PointAccountRepository accounts;

    AccountOpening(PointAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public PointAccount open(String userId, BigDecimal point) {
        if (accounts.existsById(userId)) {
            throw ApiProblem.conflict("an account for " + userId + " already exists");
        }
        return accounts.saveAndFlush(new PointAccount(userId, point, System.currentTimeMillis()));
    }
}
