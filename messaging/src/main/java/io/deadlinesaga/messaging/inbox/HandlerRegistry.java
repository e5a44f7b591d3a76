package io.deadlinesaga.messaging.inbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.deadlinesaga.messaging.event.EventType;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/** Finds the service's {@link OnEvent} methods and calls the ones for an event's type. */
class HandlerRegistry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HandlerRegistry.class);

    private final ApplicationContext context;
    private final Map<EventType, List<Handler>> handlers = new EnumMap<>(EventType.class);

    HandlerRegistry(ApplicationContext context) {
        this.context = context;
    }

    /** The handlers of the given objects, found at once: a service's reactions without an application context. */
    static HandlerRegistry of(Object... beans) {
        HandlerRegistry registry = new HandlerRegistry(null);
        for (Object bean : beans) {
            onEventMethods(bean.getClass()).forEach(method -> registry.register(bean, method));
        }
        return registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : context.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = context.getType(name);
            if (type == null) {
                continue;
            }
            Class<?> userType = AopUtils.isAopProxy(type) ? AopUtils.getTargetClass(context.getBean(name)) : type;
            onEventMethods(userType).forEach(method -> register(context.getBean(name), method));
        }
        handlers.forEach((type, list) -> log.info("handles {} with {}", type.wireName(),
                list.stream().map(Handler::describe).toList()));
    }

    private static Set<Method> onEventMethods(Class<?> userType) {
        return MethodIntrospector.selectMethods(userType, (MethodIntrospector.MetadataLookup<OnEvent>) method ->
                AnnotatedElementUtils.findMergedAnnotation(method, OnEvent.class)).keySet();
    }

    private void register(Object bean, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean valid = (parameters.length == 1 || parameters.length == 2 && parameters[1] == Delivery.class)
                && SagaEvent.class.isAssignableFrom(parameters[0]) && parameters[0] != SagaEvent.class;
        if (!valid) {
            throw new IllegalStateException("@OnEvent method " + method
                    + " must take one event record, and optionally a Delivery");
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        handlers.computeIfAbsent(EventType.of(parameters[0]), t -> new ArrayList<>())
                .add(new Handler(bean, invocable, parameters.length == 2));
    }

    boolean handles(EventType type) {
        return handlers.containsKey(type);
    }

    Set<EventType> handledTypes() {
        return handlers.keySet();
    }

    void dispatch(SagaEvent event, Delivery delivery) {
        for (Handler handler : handlers.getOrDefault(EventType.of(event.getClass()), List.of())) {
            handler.invoke(event, delivery);
        }
    }

    private record Handler(Object bean, Method method, boolean wantsDelivery) {

        void invoke(SagaEvent event, Delivery delivery) {
            try {
                if (wantsDelivery) {
                    method.invoke(bean, event, delivery);
                }
                else {
                    method.invoke(bean, event);
                }
            }
            catch (InvocationTargetException ex) {
                ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
            }
            catch (IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
        }

        String describe() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }
}
