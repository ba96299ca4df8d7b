package dev.tiketti.core;

import dev.tiketti.core.common.PlantedCycleCommon;

/** Half of a package cycle planted for {@link ArchitectureRulesCanFailTest}; never used otherwise. */
final class PlantedCycleRoot {
    PlantedCycleCommon other;
}
