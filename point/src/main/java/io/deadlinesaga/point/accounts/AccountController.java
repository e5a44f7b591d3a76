package io.deadlinesaga.point.accounts;

import java.net.URI;
import java.util.List;

import io.deadlinesaga.messaging.web.ApiProblem;
import io.deadlinesaga.messaging.web.Paging;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Point accounts over HTTP. */
@RestController
@RequestMapping("/points")
class AccountController {

    private final AccountOpening opening;
    private final PointAccountRepository accounts;

    AccountController(AccountOpening opening, PointAccountRepository accounts) {
        this.opening = opening;
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<AccountView> open(@Valid @RequestBody OpenAccount request) {
        try {
            PointAccount account = opening.open(request.userId(), request.point());
            return ResponseEntity.created(URI.create("/points/" + account.getUserId())).body(AccountView.of(account));
        }
        catch (DataIntegrityViolationException raced) {
            throw ApiProblem.conflict("an account for " + request.userId() + " already exists");
        }
    }

    /** A page of accounts, the newest opened first (ties by userId, last first). */
    @GetMapping
    @Transactional(readOnly = true)
    List<AccountView> list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return accounts.findNewest(Paging.of(page, size)).stream().map(AccountView::of).toList();
    }

    @GetMapping("/{userId}")
    @Transactional(readOnly = true)
    AccountView get(@PathVariable String userId) {
        return accounts.findById(userId).map(AccountView::of)
                .orElseThrow(() -> ApiProblem.notFound("no point account for " + userId));
    }
}
