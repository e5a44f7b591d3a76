package io.deadlinesaga.messaging.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * The part of a Spring Data repository the services use, over a map: entities are kept by reference, so a
 * change to a found entity is saved, as a managed entity's is on commit; a second, different entity with a
 * key already stored fails as the table's primary key would. Nothing is rolled back.
 */
public class InMemoryRepository<T, ID> {

    private final Map<ID, T> rows = new LinkedHashMap<>();
    private final Function<T, ID> idOf;

    protected InMemoryRepository(Function<T, ID> idOf) {
        this.idOf = idOf;
    }

    public synchronized Optional<T> findById(ID id) {
        return Optional.ofNullable(rows.get(id));
    }

    public synchronized boolean existsById(ID id) {
        return rows.containsKey(id);
    }

    public synchronized <S extends T> S save(S entity) {
        ID id = Objects.requireNonNull(idOf.apply(entity), "an entity is saved with its id");
        T stored = rows.putIfAbsent(id, entity);
        if (stored != null && stored != entity) {
            throw new DataIntegrityViolationException("duplicate key " + id + " in " + getClass().getSimpleName());
        }
        return entity;
    }

    public <S extends T> S saveAndFlush(S entity) {
        return save(entity);
    }

    public synchronized void delete(T entity) {
        rows.remove(idOf.apply(entity));
    }

    /** Every stored entity, in the order they were first saved. */
    public synchronized List<T> all() {
        return new ArrayList<>(rows.values());
    }

    public synchronized int count() {
        return rows.size();
    }

    /** The stored entities, for a fake's own queries. */
    protected synchronized Stream<T> rows() {
        return all().stream();
    }
}
