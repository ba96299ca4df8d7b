package dev.tiketti.core.common;

/** The other half of the planted package cycle (the bottom package calling up into the root). */
public final class PlantedCycleCommon {
    public Object other = dev.tiketti.core.Ticketing.class;
}
