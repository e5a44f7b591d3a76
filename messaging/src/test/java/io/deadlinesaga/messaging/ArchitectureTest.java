package io.deadlinesaga.messaging;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.PlainDecimals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The wire contract is plain Java: any service, or a tool outside Spring, can read it. */
class ArchitectureTest {

    private static final String EVENTS = "io.deadlinesaga.messaging.event..";
    /** the contract module: plain Java, the names on the wire */
    private static final String WIRE_NAMES = "io.deadlinesaga.contract";

    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deadlinesaga.messaging.event");

    @Test
    void eventsDependOnNothingFromSpringKafkaOrJpa() {
        // given
        ArchRule rule = noClasses().that().resideInAPackage(EVENTS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "jakarta.persistence..", "javax.persistence..", "org.hibernate..");

        // when / then
        rule.check(CONTRACT);
    }

    @Test
    void eventsDependOnlyOnJavaJacksonTheWireNamesAndThemselves() {
        // given
        ArchRule rule = classes().that().resideInAPackage(EVENTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..",
                        "tools.jackson..", WIRE_NAMES, EVENTS);

        // when / then
        rule.check(CONTRACT);
    }

    @Test
    void onlyTheCodecAndItsDecimalFormatKnowMoreOfJacksonThanItsAnnotations() {
        // given
        ArchRule rule = classes().that().resideInAPackage(EVENTS)
                .and(not(belongToAnyOf(EventCodec.class, PlainDecimals.class)))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..",
                        WIRE_NAMES, EVENTS);

        // when / then
        rule.check(CONTRACT);
    }
}
