package org.renkei;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RenkeiApplication.class);

    @Test
    @DisplayName("the feature modules depend on each other only through their public faces, without cycles")
    void modulesAreWellFormed() {
        modules.verify();
    }

    @Test
    @DisplayName("the module documentation is written to target/spring-modulith-docs")
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
