package dev.tiketti.core.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import java.util.Collection;

/** The catalogue of problems reported by core, so every message lives in one place. Not API. */
public final class Problems {
    private Problems() {
    }

    public static NotFoundException ticketNotFound(Object idOrKey) {
        return dev.tiketti.core.spi.StoreProblems.ticketNotFound(idOrKey);
    }

    public static NotFoundException typeNotFound(String typeId, Collection<String> known) {
        return new NotFoundException(ErrorCode.TICKET_TYPE_NOT_FOUND, "Ticket type '" + typeId
                + "' is not defined. Defined types: " + known + ". Define it with Ticketing.defineType(...).");
    }

    public static NotFoundException workflowNotFound(String workflowId) {
        return new NotFoundException(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow '" + workflowId
                + "' has not been published. Publish it with Ticketing.publishWorkflow(...) before using it.");
    }

    public static NotFoundException workflowVersionNotFound(String workflowId, int version, TicketId ticket) {
        return new NotFoundException(ErrorCode.WORKFLOW_NOT_FOUND, "Ticket " + ticket + " follows version " + version
                + " of workflow '" + workflowId + "', which the definition store does not hold. "
                + "Restore that version in the store; published versions must never be deleted.");
    }

    public static NotFoundException contactNotFound(Object contactId) {
        return new NotFoundException(ErrorCode.CONTACT_NOT_FOUND, "No contact " + contactId
                + " exists. Register the contact with Ticketing.registerContact(...) first.");
    }

    public static NotFoundException attachmentNotFound(String sha256) {
        return new NotFoundException(ErrorCode.ATTACHMENT_NOT_FOUND, "No attachment content with digest " + sha256
                + " is stored. Store it with Ticketing.storeAttachment(...) and use the reference it returns.");
    }

    public static TicketingException unknownTransition(String transition, Object key, String state,
                                                       Collection<String> available) {
        return new TicketingException(ErrorCode.UNKNOWN_TRANSITION, "Transition '" + transition
                + "' cannot be taken from state '" + state + "' of ticket " + key + ". Available from '" + state
                + "': " + available + ".");
    }

    public static TicketingException ticketInUndeclaredState(Object key, String state, String workflowId, int version,
                                                             Collection<String> states) {
        return new TicketingException(ErrorCode.UNKNOWN_STATE, "Ticket " + key + " is in state '" + state
                + "', which version " + version + " of workflow '" + workflowId + "' does not declare (its states are "
                + states + "). The definition store no longer holds the version the ticket was opened with: restore "
                + "it; published versions must never be changed.");
    }

    public static TicketingException unknownState(String state, String workflowId, int version,
                                                  Collection<String> states) {
        return new TicketingException(ErrorCode.UNKNOWN_STATE, "State '" + state + "' does not exist in version "
                + version + " of workflow '" + workflowId + "'. Its states are " + states
                + "; pass a state mapping that names one of them.");
    }

    public static TicketingException slaNotConfigured(String what) {
        return new TicketingException(ErrorCode.SLA_NOT_CONFIGURED, what + " were asked for, but this Ticketing was "
                + "built without SLA policies" + ("SLA timers".equals(what) ? " or reminder rules" : "")
                + ": configure them with Ticketing.builder().slaPolicies(...) / .reminder(...).");
    }
}
