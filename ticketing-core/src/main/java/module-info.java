/**
 * Tiketti core: the ticketing domain, workflow engine and SPIs. Exports the API and the SPI,
 * never {@code internal}.
 */
module dev.tiketti.core {
    requires org.slf4j;
    requires static org.jspecify;
    requires static com.fasterxml.jackson.databind;
    requires static com.fasterxml.jackson.datatype.jdk8;
    requires static com.fasterxml.jackson.datatype.jsr310;

    exports dev.tiketti.core;
    exports dev.tiketti.core.common;
    exports dev.tiketti.core.ticket;
    exports dev.tiketti.core.workflow;
    exports dev.tiketti.core.privacy;
    exports dev.tiketti.core.spi;
    exports dev.tiketti.core.event;
    exports dev.tiketti.core.inmemory;
    exports dev.tiketti.core.sla;
    exports dev.tiketti.core.timer;
    exports dev.tiketti.core.search;
}
