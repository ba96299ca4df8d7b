package dev.tiketti.core.ticket;

/**
 * Whether a timeline entry is seen by the requester or only by the team.
 *
 * @since 0.1
 */
public enum Visibility {
    PUBLIC, INTERNAL
}
