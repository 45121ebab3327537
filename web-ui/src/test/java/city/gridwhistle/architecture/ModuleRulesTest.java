package city.gridwhistle.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of ARCHITECTURE.md, checked over every module's classes. */
@AnalyzeClasses(packages = "city.gridwhistle", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule caseApiDependsOnlyOnTheJdkAndAxonModelling = classes()
            .that().resideInAPackage("city.gridwhistle.api..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("city.gridwhistle.api..", "java..", "org.axonframework.modelling.command..");

    @ArchTest
    static final ArchRule commandSideNeverUsesTheQuerySide = noClasses()
            .that().resideInAPackage("city.gridwhistle.command..")
            .should().dependOnClassesThat().resideInAnyPackage("city.gridwhistle.query..", "city.gridwhistle.web..");

    @ArchTest
    static final ArchRule querySideNeverUsesTheCommandSide = noClasses()
            .that().resideInAPackage("city.gridwhistle.query..")
            .should().dependOnClassesThat().resideInAnyPackage("city.gridwhistle.command..", "city.gridwhistle.web..");

    @ArchTest
    static final ArchRule webReachesTheDomainOnlyThroughGatewaysAndTheApi = noClasses()
            .that().resideInAPackage("city.gridwhistle.web..")
            .should().dependOnClassesThat().resideInAnyPackage("city.gridwhistle.command..", "city.gridwhistle.query..");

    @ArchTest
    static final ArchRule webSendsCommandsOnlyThroughTheGateway = noClasses()
            .that().resideInAPackage("city.gridwhistle.web..")
            .should().dependOnClassesThat().haveSimpleName("CommandBus")
            .orShould().dependOnClassesThat().haveSimpleName("EventStorageEngine");

    @ArchTest
    static final ArchRule domainKnowsNothingOfTheWeb = noClasses()
            .that().resideInAnyPackage("city.gridwhistle.api..", "city.gridwhistle.command..", "city.gridwhistle.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule infrastructureKnowsNothingOfTheDomain = noClasses()
            .that().resideInAPackage("city.gridwhistle.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("city.gridwhistle.api..", "city.gridwhistle.command..",
                    "city.gridwhistle.query..", "city.gridwhistle.web..");

    /**
     * {@code EventStore.readEvents(id)} starts from the aggregate's latest snapshot, which stands in for the events
     * before it: right for loading an aggregate (Axon's repository does that itself), wrong for every reader of
     * history, points or duty, which must see each event. Readers call {@code readEvents(id, 0)}.
     */
    @ArchTest
    static final ArchRule nothingReadsAStreamFromItsSnapshot = noClasses()
            .should().callMethodWhere(target(name("readEvents")).and(target(rawParameterTypes(String.class))))
            .because("a snapshot would stand in for the events before it (decision 0022)");
}
