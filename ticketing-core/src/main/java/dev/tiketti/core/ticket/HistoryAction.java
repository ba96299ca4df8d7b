package dev.tiketti.core.ticket;

/**
 * What kind of change a history entry records.
 *
 * @since 0.1
 */
public enum HistoryAction {
    CREATED, TRANSITIONED, UPDATED, ENTRY_ADDED, WORKFLOW_UPGRADED
}
